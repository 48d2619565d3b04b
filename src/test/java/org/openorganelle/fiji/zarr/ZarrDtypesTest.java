package org.openorganelle.fiji.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * bool ({@code |b1}) and float16 ({@code <f2}, {@code >f2}) Zarr v2 arrays written by
 * zarr-python (scripts/fixtures/make_dtype_fixtures.py: C and F order, blosc, zstd and no
 * compression, absent chunks with fills false, true, NaN, -Infinity, 1.5 and a fill halfway
 * between two halves) read byte for byte as zarr-python read them.
 */
class ZarrDtypesTest {

	static Stream<Arguments> arrays() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode e : Fixtures.index("dtypes/index.json"))
			out.add(Arguments.of(e.get("name").asText(), e));
		return out.stream();
	}

	private static ChunkedArray open(final String name) {
		return ZarrV2Format.INSTANCE.openArray(new FileStore(Fixtures.dtypes().resolve(name)), "");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("arrays")
	void readsEveryArrayExactlyAsZarrPythonDoes(final String name, final JsonNode entry) throws IOException {
		final ChunkedArray array = open(name);
		final NpyFile expected = NpyFile.read(Fixtures.dtypes().resolve(entry.get("npy").asText()));
		final ArrayMetadata m = array.metadata();
		assertEquals(entry.get("dtype").asText(), expected.descr);
		assertEquals(expected.descr, m.dataType().descr());
		assertArrayEquals(expected.shape, m.shape());
		assertArrayEquals(expected.data, array.read(Region.whole(m.shape())), name);
		for (final JsonNode key : entry.get("missing_chunk_keys"))
			assertFalse(Files.exists(Fixtures.dtypes().resolve(name).resolve(key.asText())), key.asText());
	}

	/** The fill value is the element zarr-python read at the first voxel of each absent chunk. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("arrays")
	void absentChunksHoldTheFillValueZarrPythonReads(final String name, final JsonNode entry) throws IOException {
		final ChunkedArray array = open(name);
		final NpyFile expected = NpyFile.read(Fixtures.dtypes().resolve(entry.get("npy").asText()));
		final int size = array.metadata().dataType().size();
		final long[] shape = expected.shape;
		final int[] chunks = array.metadata().chunks();
		for (final JsonNode key : entry.get("missing_chunk_keys")) {
			final long[] p = Arrays.stream(key.asText().split("\\.")).mapToLong(Long::parseLong).toArray();
			final long at = ((p[0] * chunks[0] * shape[1] + p[1] * chunks[1]) * shape[2] + p[2] * chunks[2]) * size;
			assertArrayEquals(Arrays.copyOfRange(expected.data, (int) at, (int) at + size), array.metadata().fillValue()
					.element(), key.asText());
		}
	}

	@Test
	void theFixturesCoverBothTypesBothByteOrdersBothFillsAndSpecialHalves() throws IOException {
		final List<String> dtypes = new ArrayList<>();
		int absent = 0;
		for (final JsonNode e : Fixtures.index("dtypes/index.json")) {
			dtypes.add(e.get("dtype").asText() + e.get("order").asText());
			absent += e.get("missing_chunk_keys").size();
		}
		assertTrue(dtypes.containsAll(List.of("|b1C", "|b1F", "<f2C", ">f2C", ">f2F")), dtypes.toString());
		assertTrue(absent >= 10, absent + " absent chunks");
		final NpyFile halves = NpyFile.read(Fixtures.dtypes().resolve("f2__le_none.npy"));
		final ByteBuffer data = ByteBuffer.wrap(halves.data).order(ByteOrder.LITTLE_ENDIAN);
		int nan = 0;
		int infinite = 0;
		int subnormal = 0;
		for (int i = 0; i < halves.data.length; i += 2) {
			final int bits = data.getShort(i) & 0x7fff;
			nan += bits > 0x7c00 ? 1 : 0;
			infinite += bits == 0x7c00 ? 1 : 0;
			subnormal += bits > 0 && bits < 0x0400 ? 1 : 0;
		}
		assertTrue(nan >= 4 && infinite == 2 && subnormal >= 3, nan + " NaN, " + infinite + " infinite, "
				+ subnormal + " subnormal");
	}
}
