package org.openorganelle.fiji.zarr3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Zarr v3 {@code bool} and {@code float16}, which zarrita cannot write: the zarr-python v2
 * arrays of scripts/fixtures/make_dtype_fixtures.py described anew by a {@code zarr.json}. Their
 * chunk files are what the v3 codecs make (v2 chunk keys; {@code bytes} in the dtype's endian
 * after {@code transpose [2, 1, 0]} for Fortran order; zstd and blosc frames as numcodecs wrote
 * them), so they read as the {@code .npy} zarr-python wrote, little-endian.
 */
class ZarrV3DtypesTest {

	private static final String[] SHUFFLES = { "noshuffle", "shuffle", "bitshuffle" };

	static Stream<Arguments> arrays() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode e : Fixtures.index("dtypes/index.json"))
			out.add(Arguments.of(e.get("name").asText(), e));
		return out.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("arrays")
	void readsEveryArrayAsZarrPythonWroteIt(final String name, final JsonNode entry, @TempDir final Path dir)
			throws IOException {
		assertReadsAsNpy(asV3(entry, entry.get("fill_value"), dir), entry);
	}

	@Test
	void aHexFillValueIsTheBitsOfAHalf(@TempDir final Path dir) throws IOException {
		final JsonNode entry = Fixtures.index("dtypes/index.json").stream().filter(e -> e.get("name").asText().equals(
				"f2__be_none_F_fill_1.5")).findFirst().orElseThrow();
		assertReadsAsNpy(asV3(entry, Json.mapper().getNodeFactory().textNode("0x3e00"), dir), entry);
	}

	private static void assertReadsAsNpy(final Path array, final JsonNode entry) throws IOException {
		final ChunkedArray v3 = ZarrV3Format.INSTANCE.openArray(new FileStore(array), "");
		final NpyFile expected = NpyFile.read(Fixtures.dtypes().resolve(entry.get("npy").asText()));
		assertEquals(expected.descr.replace('>', '<'), v3.metadata().dataType().descr());
		assertArrayEquals(expected.shape, v3.metadata().shape());
		assertArrayEquals(littleEndian(expected), v3.read(Region.whole(v3.metadata().shape())), entry.get("name")
				.asText());
	}

	private static byte[] littleEndian(final NpyFile npy) {
		final byte[] data = npy.data.clone();
		if (npy.descr.charAt(0) == '>')
			for (int i = 0; i < data.length; i += 2) {
				final byte high = data[i];
				data[i] = data[i + 1];
				data[i + 1] = high;
			}
		return data;
	}

	/** A copy of a v2 fixture array whose {@code .zarray} is replaced by the equivalent {@code zarr.json}. */
	private static Path asV3(final JsonNode entry, final JsonNode fill, final Path dir) throws IOException {
		final String name = entry.get("name").asText();
		final Path copy = Directories.copy(Fixtures.dtypes().resolve(name), dir.resolve(name));
		Files.delete(copy.resolve(".zarray"));
		final String dtype = entry.get("dtype").asText();
		final ObjectNode m = Json.mapper().createObjectNode().put("zarr_format", 3).put("node_type", "array");
		m.set("shape", entry.get("shape"));
		m.put("data_type", dtype.equals("|b1") ? "bool" : "float16");
		m.putObject("chunk_grid").put("name", "regular").putObject("configuration").set("chunk_shape", entry.get(
				"chunks"));
		m.putObject("chunk_key_encoding").put("name", "v2").putObject("configuration").put("separator", ".");
		m.set("fill_value", fill);
		final ArrayNode codecs = m.putArray("codecs");
		if (entry.get("order").asText().equals("F"))
			codecs.addObject().put("name", "transpose").putObject("configuration").putArray("order").add(2).add(1)
					.add(0);
		codecs.addObject().put("name", "bytes").putObject("configuration").put("endian", dtype.startsWith(">")
				? "big" : "little");
		final JsonNode compressor = entry.get("compressor");
		if (compressor.path("id").asText().equals("zstd"))
			codecs.addObject().put("name", "zstd").putObject("configuration").put("level", compressor.get("level")
					.asInt()).put("checksum", false);
		else if (compressor.path("id").asText().equals("blosc"))
			codecs.addObject().put("name", "blosc").putObject("configuration").put("cname", compressor.get("cname")
					.asText()).put("clevel", compressor.get("clevel").asInt()).put("shuffle", SHUFFLES[compressor
							.get("shuffle").asInt()]).put("typesize", dtype.charAt(2) - '0').put("blocksize",
									compressor.get("blocksize").asInt());
		Files.write(copy.resolve("zarr.json"), Json.mapper().writeValueAsBytes(m));
		return copy;
	}
}
