package org.openorganelle.fiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.testing.S3TestServer;

/**
 * Stopping the command line in the middle of an export (SIGTERM, or Ctrl-C's SIGINT)
 * removes the unfinished files before the process ends.
 */
class InterruptedExportTest {

	private static final int Z = 64;
	private static final int Y = 512;
	private static final int X = 512;
	private static final int C = 32;

	private static final String BUCKET = "interrupted-export";

	@BeforeAll
	static void uploadAnUncompressedArray() {
		final S3TestServer server = PublicBucket.server();
		final String bucket = BUCKET;
		server.createBucket(bucket);
		server.put(bucket, "img/s0/.zarray", ("{\"zarr_format\": 2, \"shape\": [" + Z + ", " + Y + ", " + X
				+ "], \"chunks\": [" + C + ", " + C + ", " + C + "], \"dtype\": \"|u1\", \"compressor\": null, "
				+ "\"fill_value\": 0, \"order\": \"C\", \"filters\": null, \"dimension_separator\": \"/\"}").getBytes());
		final byte[] chunk = new byte[C * C * C];
		for (int i = 0; i < chunk.length; i++)
			chunk[i] = (byte) (i * 31);
		for (int z = 0; z < Z / C; z++)
			for (int y = 0; y < Y / C; y++)
				for (int x = 0; x < X / C; x++)
					server.put(bucket, "img/s0/" + z + "/" + y + "/" + x, chunk);
	}

	@ParameterizedTest(name = "SIG{0}")
	@ValueSource(strings = { "TERM", "INT" })
	void aSignalMidwayLeavesNoFileBehind(final String signal, @TempDir final Path dir) throws Exception {
		final S3TestServer server = PublicBucket.server();
		final String bucket = BUCKET;
		final Path out = dir.resolve("out");
		final Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		final Process p = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
				OpenOrganelleCli.class.getName(), "export", "--s3-uri", "s3://" + bucket, "--endpoint",
				server.endpoint().toString(), "--array", "img", "--level", "s0", "--output", out.toString(),
				"--workers", "1", "--memory", "1M").redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile())
				.start();
		final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (names(out).stream().noneMatch(n -> n.endsWith(".npy.part")) && p.isAlive()
				&& System.nanoTime() < deadline)
			Thread.sleep(5);
		assertTrue(p.isAlive(), "the export ended before it could be interrupted: " + Files.readString(dir.resolve(
				"log")));
		assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process did not stop");
		assertNotEquals(0, p.exitValue());
		assertEquals(List.of(), names(out), Files.readString(dir.resolve("log")));
	}

	private static List<String> names(final Path dir) throws IOException {
		if (!Files.isDirectory(dir))
			return List.of();
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
		}
	}
}
