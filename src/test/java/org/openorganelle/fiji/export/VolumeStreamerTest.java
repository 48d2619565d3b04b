package org.openorganelle.fiji.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkDecoder;
import org.openorganelle.fiji.array.ChunkGrid;
import org.openorganelle.fiji.array.ChunkLayout;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.FillValue;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.codec.Compressors;
import org.openorganelle.fiji.store.ByteRange;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.testing.CountingStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.Values;
import org.openorganelle.fiji.zarr.ZarrV2Format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

/**
 * The streamer writes files identical to {@code numpy.save} of what zarr-python read, for
 * every fixture array, whatever the memory budget (one pass per slab; passes of planes
 * through the spool; passes of rows) and the number of workers.
 */
class VolumeStreamerTest {

	/** Budgets: whole slabs; a few planes; about one row. */
	private static final long[] BUDGETS = { 64 << 20, 300, 24 };

	private static VolumeStreamer.Result stream(final ChunkedArray array, final Region region, final int workers,
			final long budget, final Path file, final Cancellation cancellation, final ExportProgress progress)
			throws IOException {
		try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			return new VolumeStreamer(array, region, workers, budget, file.getParent(), cancellation, progress)
					.stream(out);
		}
	}

	/**
	 * A layout keeping every chunk of a Zarr array inside one packed object, as a shard does:
	 * its fetch reads each chunk's byte range, so exports must fetch through the layout.
	 */
	private static final class PackedLayout implements ChunkLayout {

		private final ChunkLayout chunks;
		private final Map<String, long[]> places = new HashMap<>();

		PackedLayout(final ChunkLayout chunks, final Path arrayDir, final Path packed, final long[] grid)
				throws IOException {
			this.chunks = chunks;
			final ByteArrayOutputStream all = new ByteArrayOutputStream();
			for (final long[] position : new ChunkGrid(new ArrayMetadata(grid, ones(grid.length), DataType.parse(
					"|u1"), FillValue.parse(IntNode.valueOf(0), DataType.parse("|u1")), Compressors.none(), Json
							.mapper().createObjectNode())).chunksIn(Region.whole(grid))) {
				final Path file = arrayDir.resolve(chunks.chunkName(position));
				if (!Files.exists(file))
					continue;
				final byte[] bytes = Files.readAllBytes(file);
				places.put(Arrays.toString(position), new long[] { all.size(), bytes.length });
				all.write(bytes);
			}
			Files.write(packed, all.toByteArray());
		}

		private static long[] ones(final int n) {
			final long[] v = new long[n];
			Arrays.fill(v, 1);
			return v;
		}

		@Override
		public String formatName() {
			return chunks.formatName();
		}

		@Override
		public ByteOrder storedByteOrder(final ArrayMetadata metadata) {
			return chunks.storedByteOrder(metadata);
		}

		@Override
		public String chunkName(final long[] gridPosition) {
			return "packed";
		}

		@Override
		public Optional<byte[]> fetch(final KeyValueStore store, final String arrayPath, final long[] gridPosition) {
			final long[] place = places.get(Arrays.toString(gridPosition));
			return place == null ? Optional.empty() : store.getRange("packed", ByteRange.of(place[0], (int) place[1]));
		}

		@Override
		public ChunkDecoder newDecoder(final ArrayMetadata metadata) {
			return chunks.newDecoder(metadata);
		}
	}

	@Test
	void exportsAndReadsFetchThroughTheLayoutSoChunksInsideLargerObjectsAreReadByRange(@TempDir final Path dir)
			throws Exception {
		int checked = 0;
		for (final JsonNode entry : Fixtures.matrixIndex()) {
			if (entry.path("expect_error").asBoolean() || entry.get("missing_chunks").asInt() == 0 || checked == 6)
				continue;
			final Path arrayDir = Fixtures.matrix().resolve(entry.get("name").asText());
			final ChunkedArray zarr = ZarrV2Format.INSTANCE.openArray(new FileStore(arrayDir), "");
			final Path packedDir = Files.createDirectories(dir.resolve("packed" + checked));
			final CountingStore store = new CountingStore(new FileStore(packedDir));
			final ChunkedArray packed = new ChunkedArray(store, "", zarr.metadata(), new PackedLayout(zarr.layout(),
					arrayDir, packedDir.resolve("packed"), zarr.metadata().chunkGrid()));
			final Path file = dir.resolve("out" + checked + ".npy");
			final VolumeStreamer.Result r = stream(packed, Region.whole(packed.metadata().shape()), 3, 1 << 20, file,
					new Cancellation(), ExportProgress.NONE);
			assertArrayEquals(Files.readAllBytes(Fixtures.matrix().resolve(entry.get("npy").asText())), Files
					.readAllBytes(file), entry.get("name").asText());
			assertEquals(entry.get("missing_chunks").asLong(), r.chunksMissing);
			assertEquals(List.of(), store.gets, "no whole read of the packed object");
			assertEquals(packed.metadata().chunkCount() - r.chunksMissing, store.ranges.size(), store.ranges.toString());
			assertArrayEquals(zarr.read(Region.whole(zarr.metadata().shape())), packed.read(Region.whole(packed
					.metadata().shape())));
			checked++;
		}
		assertEquals(6, checked);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.testing.Fixtures#readableMatrixArrays")
	void writesExactlyWhatNumpySaveWrites(final String name, final JsonNode entry, @TempDir final Path dir)
			throws Exception {
		final ChunkedArray array = ZarrV2Format.INSTANCE.openArray(new FileStore(Fixtures.matrix().resolve(name)), "");
		final byte[] expected = Files.readAllBytes(Fixtures.matrix().resolve(entry.get("npy").asText()));
		final NpyFile npy = NpyFile.parse(expected);
		streamEveryWay(array, dir, (how, written, r) -> {
			assertArrayEquals(expected, written, name + " " + how);
			assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(written)), r.sha256);
			assertEquals(written.length, r.bytes);
			final double mean = Values.mean(npy.data, npy.descr);
			if (Double.isNaN(mean))
				assertNull(r.mean);
			else
				assertEquals(mean, r.mean, Math.abs(mean) * 1e-12);
			assertEquals(array.metadata().chunkCount(), r.chunksRead, "each chunk fetched once");
			assertEquals(entry.get("missing_chunks").asLong(), r.chunksMissing);
		});
		try (Stream<Path> left = Files.list(dir)) {
			assertTrue(left.allMatch(p -> p.getFileName().toString().startsWith("out")), "spool files left behind");
		}
	}

	/** bool and float16 arrays exported as numpy saved them, with numpy's mean (bool as 0/1; null for NaN data). */
	@ParameterizedTest(name = "{0}")
	@MethodSource("dtypeArrays")
	void writesBoolAndFloat16ExactlyAsNumpySaveWritesThemWithNumpysMean(final String name, final JsonNode entry,
			@TempDir final Path dir) throws Exception {
		final ChunkedArray array = ZarrV2Format.INSTANCE.openArray(new FileStore(Fixtures.dtypes().resolve(name)), "");
		final byte[] expected = Files.readAllBytes(Fixtures.dtypes().resolve(entry.get("npy").asText()));
		streamEveryWay(array, dir, (how, written, r) -> {
			assertArrayEquals(expected, written, name + " " + how);
			if (entry.get("mean").isNull())
				assertNull(r.mean, name);
			else
				assertEquals(entry.get("mean").doubleValue(), r.mean, Math.abs(entry.get("mean").doubleValue())
						* 1e-12, name);
		});
	}

	/** What a test checks of one export: how it ran, the file's bytes and the streamer's result. */
	private interface ExportCheck {
		void check(String how, byte[] written, VolumeStreamer.Result result) throws Exception;
	}

	/** Exports the whole array once per memory budget and worker count, checking each file and result. */
	private static void streamEveryWay(final ChunkedArray array, final Path dir, final ExportCheck check)
			throws Exception {
		int run = 0;
		for (final long budget : BUDGETS)
			for (final int workers : new int[] { 1, 3 }) {
				final Path file = dir.resolve("out" + run++ + ".npy");
				final VolumeStreamer.Result r = stream(array, Region.whole(array.metadata().shape()), workers, budget,
						file, new Cancellation(), ExportProgress.NONE);
				check.check("budget " + budget + " workers " + workers, Files.readAllBytes(file), r);
			}
	}

	static Stream<Arguments> dtypeArrays() throws IOException {
		return Fixtures.index("dtypes/index.json").stream().map(e -> Arguments.of(e.get("name").asText(), e));
	}

	@Test
	void writesRegionsAcrossChunkBoundaries(@TempDir final Path dir) throws Exception {
		final ChunkedArray array = ZarrV2Format.INSTANCE.openArray(new FileStore(Fixtures.bucket().resolve(
				"jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16/s0")), "");
		final Region region = new Region(new long[] { 3, 10, 20 }, new long[] { 30, 50, 41 });
		final Path file = dir.resolve("region.npy");
		stream(array, region, 2, 4000, file, new Cancellation(), ExportProgress.NONE);
		final NpyFile written = NpyFile.read(file);
		assertArrayEquals(new long[] { 30, 50, 41 }, written.shape);
		assertArrayEquals(array.read(region), written.data);
	}

	@Test
	void stopsAtCancellationAndReportsProgress(@TempDir final Path dir) throws Exception {
		final ChunkedArray array = ZarrV2Format.INSTANCE.openArray(new FileStore(Fixtures.bucket().resolve(
				"jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16/s0")), "");
		final Cancellation cancellation = new Cancellation();
		final List<ExportProgress.Status> seen = new ArrayList<>();
		final ExportCancelledException e = assertThrows(ExportCancelledException.class,
				() -> stream(array, Region.whole(array.metadata().shape()), 1, 64 << 20, dir.resolve("c.npy"),
						cancellation, status -> {
							synchronized (seen) {
								seen.add(status);
							}
							if (status.chunksDone >= 3)
								cancellation.cancel("was cancelled by the test");
						}));
		assertEquals("export was cancelled by the test; no files were written", e.getMessage());
		assertTrue(seen.size() >= 3 && seen.get(seen.size() - 1).chunksDone < array.metadata().chunkCount(),
				"stopped after " + seen.size() + " updates");
		assertEquals(array.metadata().chunkCount(), seen.get(0).chunksTotal);
	}
}
