package org.openorganelle.fiji.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.cli.OpenOrganelleCli;
import org.openorganelle.fiji.testing.ParallelCli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exports a 160 MiB array with a 40 MiB JVM heap, and three such exports at once with a
 * 96 MiB heap, in a separate JVM running the command line: memory does not grow with the
 * array, and parallel exports each keep to their own budget. The array is a real (uncompressed) Zarr v2
 * store with the 64×128×128 chunks of COSEM stores, written here; its values follow a
 * formula, so the expected file is hashed without ever being held in memory.
 */
class LargerThanHeapTest {

	private static final int Z = 160;
	private static final int Y = 1024;
	private static final int X = 1024;
	private static final int CZ = 64;
	private static final int CY = 128;
	private static final int CX = 128;

	private static int value(final long z, final long y, final long x) {
		return (int) ((z * 7 + y * 3 + x + (x >> 8) * 11) & 0xff);
	}

	/** Writes the array, uncompressed, under {@code dir/store/img/s0}; returns the store's root. */
	private static Path writeStore(final Path dir) throws IOException {
		final Path array = dir.resolve("store/img/s0");
		Files.createDirectories(array);
		Files.writeString(array.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": [" + Z + ", " + Y + ", " + X
				+ "], \"chunks\": [" + CZ + ", " + CY + ", " + CX + "], \"dtype\": \"|u1\", \"compressor\": null, "
				+ "\"fill_value\": 0, \"order\": \"C\", \"filters\": null, \"dimension_separator\": \"/\"}");
		final byte[] chunk = new byte[CZ * CY * CX];
		for (int cz = 0; cz * CZ < Z; cz++)
			for (int cy = 0; cy * CY < Y; cy++)
				for (int cx = 0; cx * CX < X; cx++) {
					for (int z = 0; z < CZ; z++)
						for (int y = 0; y < CY; y++)
							for (int x = 0; x < CX; x++)
								chunk[(z * CY + y) * CX + x] = (byte) value(cz * CZ + z, cy * CY + y, cx * CX + x);
					final Path file = array.resolve(cz + "/" + cy + "/" + cx);
					Files.createDirectories(file.getParent());
					Files.write(file, chunk);
				}
		return dir.resolve("store");
	}

	/** The SHA-256 of the expected .npy, computed row by row from the formula. */
	private static String expectedSha256() throws Exception {
		final MessageDigest expected = MessageDigest.getInstance("SHA-256");
		expected.update(NpyHeader.of(DataType.parse("|u1"), new long[] { Z, Y, X }));
		final byte[] row = new byte[X];
		for (int z = 0; z < Z; z++)
			for (int y = 0; y < Y; y++) {
				for (int x = 0; x < X; x++)
					row[x] = (byte) value(z, y, x);
				expected.update(row);
			}
		return HexFormat.of().formatHex(expected.digest());
	}

	/** Runs {@code main} in a JVM with the given heap; returns its output after asserting exit code 0. */
	private static String fork(final String heap, final String main, final List<String> args) throws Exception {
		final List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), main));
		command.addAll(args);
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String log;
		try (InputStream in = p.getInputStream()) {
			log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertTrue(p.waitFor(5, TimeUnit.MINUTES), "export did not finish");
		assertEquals(0, p.exitValue(), log);
		return log;
	}

	private static List<String> exportArgs(final Path store, final Path out) {
		return List.of("export", "--s3-uri", store.toString(), "--array", "img", "--level", "s0", "--output", out
				.toString(), "--memory", "8M", "--workers", "2");
	}

	/** Asserts that {@code out} holds the expected .npy and a record naming its hash. */
	private static void assertExported(final Path out, final String sha) throws Exception {
		final List<Path> files;
		try (Stream<Path> s = Files.list(out)) {
			files = s.sorted().collect(Collectors.toList());
		}
		assertEquals(2, files.size(), files.toString());
		final Path npy = files.get(0);
		assertEquals(128L + (long) Z * Y * X, Files.size(npy));
		final MessageDigest actual = MessageDigest.getInstance("SHA-256");
		try (InputStream in = Files.newInputStream(npy)) {
			final byte[] buffer = new byte[1 << 20];
			for (int n; (n = in.read(buffer)) > 0;)
				actual.update(buffer, 0, n);
		}
		assertEquals(sha, HexFormat.of().formatHex(actual.digest()));
		final JsonNode record = Json.mapper().readTree(files.get(1).toFile());
		assertEquals(sha, record.at("/metadata/technical/sha256").asText());
	}

	@Test
	void exportsAnArrayFourTimesLargerThanTheHeap(@TempDir final Path dir) throws Exception {
		final Path store = writeStore(dir);
		fork("40m", OpenOrganelleCli.class.getName(), exportArgs(store, dir.resolve("out")));
		assertExported(dir.resolve("out"), expectedSha256());
	}

	@Test
	void threeExportsAtOnceShareAHeapSmallerThanOneArray(@TempDir final Path dir) throws Exception {
		final Path store = writeStore(dir);
		final List<String> args = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			if (i > 0)
				args.add("::");
			args.addAll(exportArgs(store, dir.resolve("out" + i)));
		}
		fork("96m", ParallelCli.class.getName(), args);
		final String sha = expectedSha256();
		for (int i = 0; i < 3; i++)
			assertExported(dir.resolve("out" + i), sha);
	}
}
