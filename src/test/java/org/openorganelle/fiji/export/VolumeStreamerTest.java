package org.openorganelle.fiji.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.Values;
import org.openorganelle.fiji.zarr.ZarrV2Format;

import com.fasterxml.jackson.databind.JsonNode;

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

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.testing.Fixtures#readableMatrixArrays")
	void writesExactlyWhatNumpySaveWrites(final String name, final JsonNode entry, @TempDir final Path dir)
			throws Exception {
		final ChunkedArray array = ZarrV2Format.INSTANCE.openArray(new FileStore(Fixtures.matrix().resolve(name)), "");
		final byte[] expected = Files.readAllBytes(Fixtures.matrix().resolve(entry.get("npy").asText()));
		final NpyFile npy = NpyFile.parse(expected);
		int run = 0;
		for (final long budget : BUDGETS)
			for (final int workers : new int[] { 1, 3 }) {
				final Path file = dir.resolve("out" + run++ + ".npy");
				final VolumeStreamer.Result r = stream(array, Region.whole(array.metadata().shape()), workers, budget,
						file, new Cancellation(), ExportProgress.NONE);
				final byte[] written = Files.readAllBytes(file);
				assertArrayEquals(expected, written, name + " budget " + budget + " workers " + workers);
				assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(written)), r.sha256);
				assertEquals(written.length, r.bytes);
				final double mean = Values.mean(npy.data, npy.descr);
				if (Double.isNaN(mean))
					assertNull(r.mean);
				else
					assertEquals(mean, r.mean, Math.abs(mean) * 1e-12);
				assertEquals(array.metadata().chunkCount(), r.chunksRead, "each chunk fetched once");
				assertEquals(entry.get("missing_chunks").asLong(), r.chunksMissing);
			}
		try (Stream<Path> left = Files.list(dir)) {
			assertTrue(left.allMatch(p -> p.getFileName().toString().startsWith("out")), "spool files left behind");
		}
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
