package org.openorganelle.fiji.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkReader;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.codec.CodecException;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every array of the fixture matrix (written by zarr-python: every dtype, compressor,
 * separator and order, edge and missing chunks, unusual fill values) read whole and in
 * pieces, compared byte for byte with what zarr-python read.
 */
class ZarrMatrixTest {

	static Stream<Arguments> brokenArrays() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode e : Fixtures.matrixIndex())
			if (e.path("expect_error").asBoolean())
				out.add(Arguments.of(e.get("name").asText(), e));
		return out.stream();
	}

	private static ChunkedArray open(final String name) {
		return ZarrV2Format.INSTANCE.openArray(new FileStore(Fixtures.matrix().resolve(name)), "");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.testing.Fixtures#readableMatrixArrays")
	void readsEveryArrayExactlyAsZarrPythonDoes(final String name, final JsonNode entry) throws IOException {
		final ChunkedArray array = open(name);
		final NpyFile expected = NpyFile.read(Fixtures.matrix().resolve(entry.get("npy").asText()));
		final ArrayMetadata m = array.metadata();
		final ZarrArrayMetadata zarray = ZarrArrayMetadata.parse(
				Files.readAllBytes(Fixtures.matrix().resolve(name).resolve(".zarray")), name);
		assertEquals(expected.descr, m.dataType().descr());
		assertArrayEquals(expected.shape, m.shape());
		assertEquals(entry.get("order").asText().equals("F"), zarray.isFortranOrder());
		assertEquals(entry.get("dimension_separator").asText(), zarray.separator());
		assertArrayEquals(expected.data, array.read(Region.whole(m.shape())), name);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.testing.Fixtures#readableMatrixArrays")
	void readsSubRegionsAcrossChunkBoundaries(final String name, final JsonNode entry) throws IOException {
		final ChunkedArray array = open(name);
		final NpyFile expected = NpyFile.read(Fixtures.matrix().resolve(entry.get("npy").asText()));
		final long[] shape = array.metadata().shape();
		final long[] start = new long[shape.length];
		final long[] size = new long[shape.length];
		for (int d = 0; d < shape.length; d++) {
			start[d] = shape[d] / 3;
			size[d] = Math.max(1, shape[d] - start[d] - 1);
		}
		final Region region = new Region(start, size);
		assertArrayEquals(crop(expected.data, shape, region, array.metadata().dataType().size()), array.read(region));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenArrays")
	void unsupportedFiltersAndCodecsFailNamingThemWhenChunksAreRead(final String name, final JsonNode entry) {
		final ChunkedArray array = open(name);
		final CodecException e = assertThrows(CodecException.class,
				() -> array.read(Region.whole(array.metadata().shape())));
		final String what = entry.path("filters").isArray() && entry.get("filters").size() > 0
				? entry.get("filters").get(0).get("id").asText()
				: entry.get("compressor").get("id").asText();
		assertTrue(e.getMessage().contains(what), e.getMessage());
	}

	@Test
	void absentChunksReadAsTheFillValueAndAreReportedAbsent() throws IOException {
		int checked = 0;
		for (final JsonNode e : Fixtures.matrixIndex()) {
			if (e.path("expect_error").asBoolean() || e.get("missing_chunks").asInt() == 0)
				continue;
			final ChunkedArray array = open(e.get("name").asText());
			final byte[] chunk = new byte[array.metadata().chunkBytes()];
			final ChunkReader reader = array.newChunkReader();
			for (final JsonNode key : e.get("missing_chunk_keys")) {
				final String[] parts = key.asText().split("[./]");
				final long[] position = new long[parts.length];
				for (int d = 0; d < parts.length; d++)
					position[d] = Long.parseLong(parts[d]);
				assertFalse(reader.read(position, chunk), key.asText());
				final byte[] fill = array.metadata().fillValue().element();
				for (int i = 0; i < chunk.length; i++)
					assertEquals(fill[i % fill.length], chunk[i]);
				checked++;
			}
		}
		assertTrue(checked > 20, "missing chunks checked: " + checked);
	}

	@Test
	void truncatedOrCorruptChunksFailNamingTheKeyAndCodecNeverDecodingGarbage() throws IOException {
		final Set<String> ids = new HashSet<>();
		final Random random = new Random(42);
		for (final JsonNode e : Fixtures.matrixIndex()) {
			final String id = e.path("compressor").path("id").asText("none");
			if (e.path("expect_error").asBoolean() || e.get("missing_chunks").asInt() > 0 || !ids.add(id))
				continue;
			final Path dir = Fixtures.matrix().resolve(e.get("name").asText());
			final ChunkedArray array = open(e.get("name").asText());
			final long[] origin = { 0, 0, 0 };
			final String key = array.chunkKey(origin);
			final byte[] stored = Files.readAllBytes(dir.resolve(key));
			final byte[] dst = new byte[array.metadata().chunkBytes()];
			final ChunkReader reader = array.newChunkReader();
			final CodecException truncated = assertThrows(CodecException.class,
					() -> reader.decode(origin, Arrays.copyOf(stored, stored.length / 2), dst));
			assertTrue(truncated.getMessage().startsWith("cannot decode chunk " + array.store().uri(key)),
					truncated.getMessage());
			assertTrue(truncated.getMessage().contains(array.metadata().compressor().describe()));
			for (int i = 0; i < 200 && !id.equals("none"); i++) {
				final byte[] flipped = stored.clone();
				flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
				try {
					reader.decode(origin, flipped, dst);
				} catch (final CodecException expected) {
					assertTrue(expected.getMessage().contains(key), expected.getMessage());
				}
			}
		}
		assertEquals(Set.of("none", "zstd", "gzip", "zlib", "blosc"), ids);
	}

	/** The C-order bytes of a region of a C-order array, computed independently of ChunkGrid. */
	private static byte[] crop(final byte[] data, final long[] shape, final Region region, final int size) {
		final long[] start = region.start();
		final long[] extent = region.size();
		final byte[] out = new byte[(int) region.elementCount() * size];
		int o = 0;
		for (long z = start[0]; z < start[0] + extent[0]; z++)
			for (long y = start[1]; y < start[1] + extent[1]; y++)
				for (long x = start[2]; x < start[2] + extent[2]; x++) {
					final long i = (z * shape[1] + y) * shape[2] + x;
					System.arraycopy(data, (int) (i * size), out, o, size);
					o += size;
				}
		return out;
	}
}
