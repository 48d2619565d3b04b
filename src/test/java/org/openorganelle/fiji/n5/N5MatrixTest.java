package org.openorganelle.fiji.n5;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.ChunkReader;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every array of the N5 matrix (written by zarr-python's N5FSStore, edge blocks truncated
 * as n5-java writes them or padded as zarr-python does) reads exactly as zarr-python reads
 * it, converted to little-endian; the broken ones fail naming the block.
 */
class N5MatrixTest {

	private static Path container() {
		return Fixtures.n5Matrix().resolve("matrix.n5");
	}

	private static ChunkedArray open(final String name) {
		return N5Format.INSTANCE.openArray(new FileStore(container()), name);
	}

	static Stream<Arguments> brokenArrays() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode e : Fixtures.index("n5matrix/index.json"))
			if (e.path("expect_error").asBoolean())
				out.add(Arguments.of(e.get("name").asText(), e));
		return out.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.testing.Fixtures#readableN5Arrays")
	void readsEveryArrayAsZarrPythonDoesInLittleEndian(final String name, final JsonNode entry) throws IOException {
		final ChunkedArray array = open(name);
		final NpyFile expected = NpyFile.read(Fixtures.n5Matrix().resolve(entry.get("npy").asText()));
		assertEquals(expected.descr, array.metadata().dataType().descr());
		assertTrue(!expected.descr.startsWith(">"), "expected values are little-endian: " + expected.descr);
		assertArrayEquals(expected.shape, array.metadata().shape());
		assertArrayEquals(expected.data, array.read(Region.whole(array.metadata().shape())), name);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.testing.Fixtures#readableN5Arrays")
	void readsSubRegionsAcrossBlockBoundaries(final String name, final JsonNode entry) throws IOException {
		final ChunkedArray array = open(name);
		final NpyFile expected = NpyFile.read(Fixtures.n5Matrix().resolve(entry.get("npy").asText()));
		final Region region = new Region(new long[] { 1, 2, 3 }, new long[] { 4, 3, 4 });
		final byte[] got = array.read(region);
		final int size = array.metadata().dataType().size();
		int i = 0;
		for (int z = 1; z < 5; z++)
			for (int y = 2; y < 5; y++)
				for (int x = 3; x < 7; x++)
					for (int b = 0; b < size; b++)
						assertEquals(expected.data[((z * 6 + y) * 7 + x) * size + b], got[i++], name + " at " + z + ","
								+ y + "," + x);
	}

	@Test
	void blockKeysAreTheGridPositionReversedAndAbsentBlocksAreZeros() throws IOException {
		int checked = 0;
		for (final JsonNode e : Fixtures.index("n5matrix/index.json")) {
			if (e.path("expect_error").asBoolean())
				continue;
			final ChunkedArray array = open(e.get("name").asText());
			final ChunkReader reader = array.newChunkReader();
			final byte[] chunk = new byte[array.metadata().chunkBytes()];
			for (final JsonNode key : e.get("missing_blocks")) {
				final String[] xyz = key.asText().split("/");
				final long[] position = { Long.parseLong(xyz[2]), Long.parseLong(xyz[1]), Long.parseLong(xyz[0]) };
				assertEquals(e.get("name").asText() + "/" + key.asText(), array.chunkKey(position));
				assertFalse(Files.exists(container().resolve(array.chunkKey(position))));
				assertFalse(reader.read(position, chunk), key.asText());
				for (final byte b : chunk)
					assertEquals(0, b);
				checked++;
			}
		}
		assertTrue(checked >= 20, "missing blocks checked: " + checked);
	}

	@Test
	void bothTruncatedAndPaddedEdgeBlocksAreCovered() throws IOException {
		final List<String> kinds = new ArrayList<>();
		for (final JsonNode e : Fixtures.index("n5matrix/index.json"))
			kinds.add(e.path("edge_blocks").asText());
		assertTrue(kinds.contains("truncated") && kinds.contains("padded"), kinds.toString());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenArrays")
	void brokenBlocksFailNamingTheBlockAndWhy(final String name, final JsonNode entry) {
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> {
			final ChunkedArray array = open(name);
			array.read(Region.whole(array.metadata().shape()));
		}, entry.path("why").asText());
		final String message = e.getMessage();
		if (name.equals("neg__compression_lzf")) {
			assertTrue(message.contains("unsupported compressor 'lzf'") && message.contains("gzip"), message);
			assertTrue(message.contains(container().resolve(name).toUri().toString().replaceAll("/$", "")), message);
			return;
		}
		assertTrue(message.startsWith("cannot decode chunk " + container().resolve(name).resolve("0/0/0").toUri()),
				message);
		final String why = name.equals("neg__mode2") ? "mode 2 (object) is not supported"
				: name.equals("neg__ndim7") ? "7 dimensions"
						: name.equals("neg__dims_exceed_blocksize") ? "does not fit the block size" : "gzip";
		assertTrue(message.contains(why), message);
	}
}
