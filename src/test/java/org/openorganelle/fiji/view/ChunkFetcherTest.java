package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.testing.FaultyStore;
import org.openorganelle.fiji.testing.CountingStore;

import net.imglib2.img.cell.Cell;

/** The fetch queue is deduplicated, bounded (oldest dropped) and served newest first. */
class ChunkFetcherTest {

	private static final String S0 = "recon-2/em/fibsem-int16/s0/";

	@Test
	void requestsAreDeduplicatedBoundedAndServedNewestFirst() throws Exception {
		final CountDownLatch release = new CountDownLatch(1);
		final CountingStore[] counting = new CountingStore[1];
		final ChunkCache<Cell<?>> cache = LevelImage.open(Expected.naccLevel(store -> counting[0] = new CountingStore(
				FaultyStore.gated(store, FaultyStore.CHUNKS, release)), "s0")).cache();
		final ChunkFetcher fetcher = new ChunkFetcher(1, 3, line -> {
		});

		fetcher.request(cache, new long[] { 0, 0, 0 });
		VolatileLevelImageTest.waitFor(() -> counting[0].chunkGets().size() == 1);
		for (int i = 0; i < 5; i++)
			fetcher.request(cache, new long[] { 0, 0, 0 });
		assertEquals(0, fetcher.queued(), "a chunk being loaded is not queued again");

		fetcher.request(cache, new long[] { 1, 0, 0 });
		fetcher.request(cache, new long[] { 1, 1, 0 });
		fetcher.request(cache, new long[] { 1, 0, 0 });
		assertEquals(2, fetcher.queued(), "a queued chunk is queued once");
		fetcher.request(cache, new long[] { 1, 2, 0 });
		fetcher.request(cache, new long[] { 2, 0, 0 });
		assertEquals(3, fetcher.queued(), "bounded");
		assertEquals(1, fetcher.dropped(), "the oldest request (1/1/0) was dropped");

		release.countDown();
		VolatileLevelImageTest.waitFor(() -> cache.cachedChunks() == 4);
		assertEquals(List.of(S0 + "0/0/0", S0 + "2/0/0", S0 + "1/2/0", S0 + "1/0/0"), counting[0].chunkGets(),
				"newest first; 1/0/0 was asked again after 1/1/0, so it stayed");
		assertEquals(4, fetcher.loaded());
	}

	@Test
	void aFetcherNeedsAThreadAndAQueue() {
		assertThrows(IllegalArgumentException.class, () -> new ChunkFetcher(0, 1, line -> {
		}));
		assertThrows(IllegalArgumentException.class, () -> new ChunkFetcher(1, 0, line -> {
		}));
	}
}
