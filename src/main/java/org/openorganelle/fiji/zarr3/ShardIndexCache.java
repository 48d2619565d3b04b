package org.openorganelle.fiji.zarr3;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The shard indexes of one array, read once each: a bounded, thread-safe cache keyed by
 * shard key, evicting the least recently used index once the cached indexes exceed a byte
 * budget. Threads asking for an index being read wait for that one read.
 */
final class ShardIndexCache {

	private final long maxBytes;
	private final LinkedHashMap<String, CompletableFuture<ShardIndex>> indexes = new LinkedHashMap<>(16, 0.75f,
			true);
	private long cachedBytes;

	/** @param maxBytes the budget of cached indexes (the most recent one is always kept) */
	ShardIndexCache(final long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/** The index of the shard with key {@code shardKey}: cached, being read, or read now by {@code reader}. */
	ShardIndex get(final String shardKey, final Supplier<ShardIndex> reader) {
		final CompletableFuture<ShardIndex> pending;
		final boolean owner;
		synchronized (this) {
			final CompletableFuture<ShardIndex> known = indexes.get(shardKey);
			owner = known == null;
			pending = owner ? new CompletableFuture<>() : known;
			if (owner)
				indexes.put(shardKey, pending);
		}
		if (!owner)
			return await(pending);
		try {
			final ShardIndex index = reader.get();
			admit(pending, index);
			return index;
		} catch (final RuntimeException | Error e) {
			synchronized (this) {
				indexes.remove(shardKey);
			}
			pending.completeExceptionally(e);
			throw e;
		}
	}

	/** Completes a read and counts it, then evicts: only completed indexes are counted and evicted. */
	private synchronized void admit(final CompletableFuture<ShardIndex> pending, final ShardIndex index) {
		pending.complete(index);
		cachedBytes += index.sizeInBytes();
		final Iterator<Map.Entry<String, CompletableFuture<ShardIndex>>> eldest = indexes.entrySet().iterator();
		while (cachedBytes > maxBytes && indexes.size() > 1 && eldest.hasNext()) {
			final CompletableFuture<ShardIndex> evicted = eldest.next().getValue();
			if (!evicted.isDone())
				continue;
			eldest.remove();
			cachedBytes -= evicted.join().sizeInBytes();
		}
	}

	private static ShardIndex await(final CompletableFuture<ShardIndex> pending) {
		try {
			return pending.join();
		} catch (final CompletionException e) {
			if (e.getCause() instanceof RuntimeException)
				throw (RuntimeException) e.getCause();
			if (e.getCause() instanceof Error)
				throw (Error) e.getCause();
			throw e;
		}
	}
}
