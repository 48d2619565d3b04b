package org.openorganelle.fiji.n5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.codec.CodecException;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jpountz.lz4.LZ4BlockOutputStream;

/**
 * N5 {@code lz4} blocks as n5-java writes them: every raw array of the N5 matrix (truncated
 * and padded edge blocks, every dataType) recompressed with lz4-java's
 * {@code LZ4BlockOutputStream} (zarr-python cannot write n5-java's lz4), in streams of one
 * 64 KiB block and of many 64-byte blocks, reads as zarr-python read the raw original.
 */
class N5Lz4Test {

	private static final int HEADER_FIXED = 4;

	/** Copies a raw matrix array into {@code root} with every block's data lz4-compressed. */
	private static void writeLz4Copy(final String name, final Path root, final int blockSize) throws IOException {
		final Path from = Fixtures.n5Matrix().resolve("matrix.n5").resolve(name);
		final Path to = root.resolve(name);
		final ObjectNode attributes = (ObjectNode) Json.mapper().readTree(from.resolve("attributes.json").toFile());
		attributes.putObject("compression").put("type", "lz4").put("blockSize", blockSize);
		Files.createDirectories(to);
		Files.write(to.resolve("attributes.json"), Json.mapper().writeValueAsBytes(attributes));
		try (Stream<Path> files = Files.walk(from)) {
			for (final Path block : files.filter(p -> Files.isRegularFile(p) && !p.endsWith("attributes.json"))
					.collect(Collectors.toList())) {
				final byte[] raw = Files.readAllBytes(block);
				final int ndim = (raw[2] & 0xff) << 8 | raw[3] & 0xff;
				final int header = HEADER_FIXED + 4 * ndim;
				final ByteArrayOutputStream out = new ByteArrayOutputStream();
				out.write(raw, 0, header);
				try (LZ4BlockOutputStream lz4 = new LZ4BlockOutputStream(out, blockSize)) {
					lz4.write(raw, header, raw.length - header);
				}
				final Path target = to.resolve(from.relativize(block).toString());
				Files.createDirectories(target.getParent());
				Files.write(target, out.toByteArray());
			}
		}
	}

	private static List<JsonNode> rawEntries() throws IOException {
		return Fixtures.index("n5matrix/index.json").stream().filter(e -> !e.path("expect_error").asBoolean()
				&& e.path("compression").path("type").asText().equals("raw")).collect(Collectors.toList());
	}

	@Test
	void lz4BlockStreamsOfEveryDataTypeReadAsZarrPythonReadTheRawOriginal(@TempDir final Path root)
			throws IOException {
		final List<JsonNode> entries = rawEntries();
		assertTrue(entries.size() >= 10, "raw arrays: " + entries.size());
		for (final int blockSize : new int[] { 65536, 64 }) {
			final Path container = root.resolve("lz4-" + blockSize + ".n5");
			for (final JsonNode e : entries) {
				final String name = e.get("name").asText();
				writeLz4Copy(name, container, blockSize);
				final ChunkedArray array = N5Format.INSTANCE.openArray(new FileStore(container), name);
				assertTrue(array.metadata().compressor().describe().equals("lz4(blockSize=" + blockSize + ")"));
				assertArrayEquals(NpyFile.read(Fixtures.n5Matrix().resolve(e.get("npy").asText())).data,
						array.read(Region.whole(array.metadata().shape())), name + " in " + blockSize + "-byte blocks");
			}
		}
	}

	@Test
	void aCorruptLz4BlockFailsNamingTheBlockAndTheChecksum(@TempDir final Path root) throws IOException {
		final String name = rawEntries().stream().map(e -> e.get("name").asText()).filter(n -> n.startsWith("uint16"))
				.findFirst().orElseThrow();
		writeLz4Copy(name, root, 65536);
		final Path block = root.resolve(name).resolve("0/0/0");
		final byte[] bytes = Files.readAllBytes(block);
		bytes[bytes.length - 30] ^= 0x5a;
		Files.write(block, bytes);
		final ChunkedArray array = N5Format.INSTANCE.openArray(new FileStore(root), name);
		final CodecException e = assertThrows(CodecException.class,
				() -> array.read(Region.whole(array.metadata().shape())));
		assertTrue(e.getMessage().startsWith("cannot decode chunk " + block.toUri()), e.getMessage());
		assertTrue(e.getMessage().contains("lz4: "), e.getMessage());
	}
}
