package org.openorganelle.fiji.zarr3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.codec.CodecException;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Unsharded Zarr v3 arrays (scripts/fixtures/make_zarr3_fixtures.py: every integer and float
 * data type × no compression, gzip, zstd with checksum, blosc, crc32c and gzip + crc32c ×
 * transpose orders × both endians × both chunk key encodings and separators, absent chunks
 * with NaN and integer fill values) read as the numpy arrays they were written from.
 */
class ZarrV3MatrixTest {

	private static Path root() {
		return Fixtures.root().resolve("zarr3");
	}

	static Stream<Arguments> arrays() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode e : Fixtures.index("zarr3/index.json"))
			out.add(Arguments.of(e.get("name").asText(), e));
		return out.stream();
	}

	private static ChunkedArray open(final Path dir) {
		return ZarrV3Format.INSTANCE.openArray(new FileStore(dir), "");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("arrays")
	void readsEveryArrayAsItWasWritten(final String name, final JsonNode entry) throws IOException {
		final ChunkedArray array = open(root().resolve(name));
		final NpyFile expected = NpyFile.read(root().resolve(entry.get("npy").asText()));
		assertEquals(expected.descr, array.metadata().dataType().descr());
		assertArrayEquals(expected.shape, array.metadata().shape());
		assertArrayEquals(expected.data, array.read(Region.whole(array.metadata().shape())), name);
		assertEquals("Zarr v3", array.layout().formatName());
		for (final JsonNode key : entry.get("missing_chunks"))
			assertFalse(Files.exists(root().resolve(name).resolve(key.asText())), key.asText());
		assertEquals(name, ZarrV3Format.INSTANCE.attributes(array).orElseThrow().path("fixture").asText());
	}

	@Test
	void theMatrixCoversEveryCodecEndianTransposeAndKeyEncoding() throws IOException {
		final List<String> seen = new ArrayList<>();
		int missing = 0;
		for (final JsonNode e : Fixtures.index("zarr3/index.json")) {
			e.get("codecs").forEach(c -> seen.add(c.get("name").asText() + c.path("configuration").path("endian")
					.asText("")));
			seen.add(e.get("chunk_key_encoding").toString());
			missing += e.get("missing_chunks").size();
		}
		for (final String expected : List.of("transpose", "byteslittle", "bytesbig", "gzip", "zstd", "blosc", "crc32c",
				"{\"name\":\"default\",\"configuration\":{\"separator\":\"/\"}}",
				"{\"name\":\"default\",\"configuration\":{\"separator\":\".\"}}",
				"{\"name\":\"v2\",\"configuration\":{\"separator\":\".\"}}",
				"{\"name\":\"v2\",\"configuration\":{\"separator\":\"/\"}}"))
			assertTrue(seen.contains(expected), expected);
		assertTrue(missing >= 20, missing + " absent chunks");
	}

	@Test
	void aCorruptChecksumFailsNamingTheChunk(@TempDir final Path dir) throws IOException {
		final Path copy = copy("uint16__crc32c", dir);
		final Path chunk = copy.resolve(Files.readString(copy.resolve("zarr.json")).contains("\"v2\"") ? "0.0.0"
				: "c/0/0/0");
		final Path existing = Files.exists(chunk) ? chunk : copy.resolve("c.0.0.0");
		final byte[] bytes = Files.readAllBytes(existing);
		bytes[3] ^= 1;
		Files.write(existing, bytes);
		final ChunkedArray array = open(copy);
		final CodecException e = assertThrows(CodecException.class, () -> array.read(Region.whole(array.metadata()
				.shape())));
		assertTrue(e.getMessage().startsWith("cannot decode chunk " + existing.toUri()), e.getMessage());
		assertTrue(e.getMessage().contains("crc32c: checksum mismatch"), e.getMessage());
	}

	@Test
	void metadataThisReaderCannotHonourIsAClearError(@TempDir final Path dir) throws IOException {
		assertRefused(dir, "unknown-codec", m -> ((ObjectNode) m.get("codecs").get(1)).put("name", "lzma"),
				"the codec 'lzma' is not supported");
		assertRefused(dir, "complex64", m -> m.put("data_type", "complex64"), "data_type 'complex64' is not "
				+ "supported; supported: bool, float16, float32");
		assertRefused(dir, "extension", m -> m.putObject("my_extension").put("must_understand", true),
				"the extension 'my_extension' must be understood");
		assertRefused(dir, "transformers", m -> m.putArray("storage_transformers").addObject().put("name", "x"),
				"storage_transformers");
		final Path tolerant = copy("uint8__gzip", dir.resolve("tolerant"));
		final ObjectNode m = (ObjectNode) Json.mapper().readTree(tolerant.resolve("zarr.json").toFile());
		m.putObject("my_extension").put("must_understand", false);
		m.put("fill_value", "0x07");
		Files.write(tolerant.resolve("zarr.json"), Json.mapper().writeValueAsBytes(m));
		assertEquals(7, open(tolerant).metadata().fillValue().element()[0], "a hex fill value");
	}

	/** Copies a fixture array, edits its zarr.json and checks that opening it fails naming the problem. */
	private static void assertRefused(final Path dir, final String name,
			final java.util.function.Consumer<ObjectNode> edit, final String message) throws IOException {
		final Path copy = copy("uint16__gzip", dir.resolve(name));
		final ObjectNode m = (ObjectNode) Json.mapper().readTree(copy.resolve("zarr.json").toFile());
		edit.accept(m);
		Files.write(copy.resolve("zarr.json"), Json.mapper().writeValueAsBytes(m));
		final FormatException e = assertThrows(FormatException.class, () -> open(copy));
		assertTrue(e.getMessage().contains(copy.resolve("zarr.json").toUri().toString()) && e.getMessage().contains(
				message), e.getMessage());
	}

	private static Path copy(final String name, final Path target) throws IOException {
		return Directories.copy(root().resolve(name), target);
	}
}
