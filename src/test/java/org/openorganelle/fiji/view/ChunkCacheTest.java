package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.testing.FaultyStore;
import org.openorganelle.fiji.testing.CountingStore;

import ij.ImagePlus;
import net.imglib2.img.cell.Cell;

/** The chunk cache stays within its budget, loads each chunk once and keeps values right. */
class ChunkCacheTest {

	/** One full nacc-2 chunk: 16 x 32 x 32 int16. */
	private static final long CHUNK_BYTES = 16 * 32 * 32 * 2;

	private CountingStore counting;

	private ScaleLevel s0(final UnaryOperator<KeyValueStore> inner) {
		return Expected.naccLevel(store -> counting = new CountingStore(inner.apply(store)), "s0");
	}

	@Test
	void aLargeCacheLoadsEveryChunkOnce() throws IOException {
		final LevelImage<?> image = LevelImage.open(s0(s -> s).array(), ChunkCache.DEFAULT_MAX_BYTES);
		final ImagePlus imp = LevelHyperstack.open(image, Optional.empty(), "s0");
		for (int pass = 0; pass < 2; pass++)
			LevelStackTest.assertPlanes(Expected.nacc("s0"), imp, "i2", "s0");
		assertEquals(27, image.cache().loads(), "3 x 3 x 3 chunks, each loaded once");
		assertEquals(27, counting.chunkGets().size());
		assertEquals(27, image.cache().cachedChunks());
		assertEquals(0, image.cache().evictions());
		assertEquals(41L * 75 * 83 * 2, image.cache().cachedBytes(), "cells are cropped to the image");
	}

	@Test
	void aTinyCacheStaysBoundedAndValuesStayRight() throws IOException {
		final long budget = 2 * CHUNK_BYTES;
		final LevelImage<?> image = LevelImage.open(s0(s -> s).array(), budget);
		final ImagePlus imp = LevelHyperstack.open(image, Optional.empty(), "s0");
		final Expected expected = Expected.nacc("s0");
		for (int pass = 0; pass < 2; pass++) {
			LevelStackTest.assertPlanes(expected, imp, "i2", "s0");
			assertTrue(image.cache().cachedBytes() <= budget, image.cache().cachedBytes() + " bytes cached");
		}
		LevelImageTest.assertValues(expected, image, "s0 through ImgLib2");
		assertTrue(image.cache().cachedBytes() <= budget);
		assertTrue(image.cache().cachedChunks() <= 9, "at most a few cells fit");
		assertTrue(image.cache().evictions() > 27, image.cache().evictions() + " evictions");
		assertEquals(image.cache().loads(), counting.chunkGets().size(), "every load is one fetch");
		assertEquals(image.cache().loads() - image.cache().cachedChunks(), image.cache().evictions());
	}

	@Test
	void aZeroBudgetCachesNothingButStillAnswers() throws IOException {
		final LevelImage<?> image = LevelImage.open(s0(s -> s).array(), 0);
		LevelImageTest.assertValues(Expected.nacc("s0"), image, "s0 uncached");
		assertEquals(0, image.cache().cachedBytes());
		assertEquals(0, image.cache().cachedChunks());
	}

	@Test
	void concurrentRequestsForOneChunkLoadItOnce() throws Exception {
		final CountDownLatch release = new CountDownLatch(1);
		final ScaleLevel level = s0(store -> FaultyStore.gated(store, FaultyStore.CHUNKS, release));
		final ChunkCache<Cell<?>> cache = LevelImage.open(level.array(), ChunkCache.DEFAULT_MAX_BYTES).cache();
		final int threads = 8;
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			final List<Future<Cell<?>>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++)
				results.add(pool.submit(() -> cache.get(new long[] { 1, 2, 0 })));
			while (counting.chunkGets().isEmpty())
				Thread.sleep(5);
			Thread.sleep(100);
			release.countDown();
			final Cell<?> first = results.get(0).get(10, TimeUnit.SECONDS);
			for (final Future<Cell<?>> result : results)
				assertSame(first, result.get(10, TimeUnit.SECONDS));
		} finally {
			pool.shutdownNow();
		}
		assertEquals(List.of("recon-2/em/fibsem-int16/s0/1/2/0"), counting.chunkGets());
		assertEquals(1, cache.loads());
		assertEquals(threads - 1, cache.hits());
		assertEquals(16 * (75 - 64) * 32 * 2, cache.cachedBytes(),
				"an edge cell holds only the voxels inside the image");
	}

	@Test
	void aFailedLoadNamesTheChunkAndIsRetried() {
		final ScaleLevel level = s0(store -> FaultyStore.corrupt(store, FaultyStore.CHUNKS));
		final ChunkCache<Cell<?>> cache = LevelImage.open(level.array(), ChunkCache.DEFAULT_MAX_BYTES).cache();
		final OpenOrganelleException first = assertThrows(OpenOrganelleException.class, () -> cache.get(
				new long[] { 0, 0, 0 }));
		assertTrue(first.getMessage().contains("s0/0/0/0"), first.getMessage());
		assertThrows(OpenOrganelleException.class, () -> cache.get(new long[] { 0, 0, 0 }));
		assertEquals(2, counting.chunkGets().size(), "a failure is not cached");
		assertEquals(0, cache.cachedChunks());
	}

	@Test
	void negativeBudgetIsRejected() {
		final ScaleLevel level = s0(s -> s);
		assertThrows(IllegalArgumentException.class, () -> LevelImage.open(level.array(), -1));
	}
}
