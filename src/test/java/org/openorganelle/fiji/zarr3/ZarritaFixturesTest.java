package org.openorganelle.fiji.zarr3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zarr v3 arrays written by zarrita, an independent implementation (zarr3-zarrita: bool and
 * every integer and float type but float16, which zarrita cannot write on Node 20, × bytes of
 * either endian, transpose, zstd and blosc, absent chunks read as the fill value), read as the
 * {@code .npy} files written beside them.
 */
class ZarritaFixturesTest {

	private static Path root() {
		return Fixtures.root().resolve("zarr3-zarrita");
	}

	static Stream<Arguments> arrays() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode e : Fixtures.index("zarr3-zarrita/index.json"))
			out.add(Arguments.of(e.get("name").asText(), e));
		return out.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("arrays")
	void readsEveryArrayAsZarritaWroteIt(final String name, final JsonNode entry) throws IOException {
		final ChunkedArray array = ZarrV3Format.INSTANCE.openArray(new FileStore(root().resolve(name)), "");
		final NpyFile expected = NpyFile.read(root().resolve(entry.get("npy").asText()));
		assertFalse(expected.fortranOrder, name);
		assertEquals(expected.descr, array.metadata().dataType().descr());
		assertArrayEquals(expected.shape, array.metadata().shape());
		assertArrayEquals(expected.data, array.read(Region.whole(array.metadata().shape())), name);
		for (final JsonNode key : entry.get("missing_chunks"))
			assertFalse(Files.exists(root().resolve(name).resolve(key.asText())), key.asText());
	}

	@Test
	void theFixturesCoverBoolEveryOtherTypeAndAbsentChunks() throws IOException {
		final Set<String> types = new TreeSet<>();
		int missing = 0;
		for (final JsonNode e : Fixtures.index("zarr3-zarrita/index.json")) {
			types.add(e.get("data_type").asText());
			missing += e.get("missing_chunks").size();
		}
		assertEquals(Set.of("bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
				"float32", "float64"), types);
		assertTrue(missing >= 20, missing + " absent chunks");
	}
}
