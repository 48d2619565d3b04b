package org.openorganelle.fiji.view;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.ChunkReader;
import org.openorganelle.fiji.array.ChunkedArray;

/**
 * A bounded, thread-safe cache of the decoded chunks of one {@link ChunkedArray}, keyed by
 * chunk grid position (Zarr axis order) and evicted least recently used first once the
 * cached values exceed a byte budget.
 * <p>
 * Chunks are fetched and decoded through one {@link ChunkReader} per thread. Concurrent
 * requests for a chunk that is being loaded wait for that one load instead of fetching
 * the chunk again.
 *
 * @param <V> the cached form of a decoded chunk
 */
public final class ChunkCache<V> {

	/** The default budget: 256 MiB of decoded chunks. */
	public static final long DEFAULT_MAX_BYTES = 256L << 20;

	/**
	 * Turns a decoded chunk into the value the cache holds.
	 *
	 * @param <V> the cached form of a decoded chunk
	 */
	public interface Converter<V> {

		/**
		 * @param gridPosition the chunk's grid position (Zarr axis order)
		 * @param chunk the whole decoded chunk, C order, in the array's byte order; the
		 *        converter may keep it
		 */
		V convert(long[] gridPosition, byte[] chunk);

		/** The memory a value holds, counted against the cache's budget. */
		long sizeInBytes(V value);
	}

	private final ChunkedArray array;
	private final long maxBytes;
	private final Converter<V> converter;
	private final ThreadLocal<ChunkReader> readers;
	private final LinkedHashMap<Key, V> values = new LinkedHashMap<>(16, 0.75f, true);
	private final Map<Key, CompletableFuture<V>> loading = new HashMap<>();
	private long cachedBytes;
	private long loads;
	private long hits;
	private long evictions;

	/**
	 * @param array the array whose chunks are cached
	 * @param maxBytes the byte budget of cached values (at least 0)
	 * @param converter turns decoded chunks into cached values
	 */
	public ChunkCache(final ChunkedArray array, final long maxBytes, final Converter<V> converter) {
		if (maxBytes < 0)
			throw new IllegalArgumentException("negative cache size " + maxBytes + " for " + array.uri());
		this.array = array;
		this.maxBytes = maxBytes;
		this.converter = converter;
		this.readers = ThreadLocal.withInitial(array::newChunkReader);
	}

	/** The array whose chunks are cached. */
	public ChunkedArray array() {
		return array;
	}

	/** The byte budget of cached values. */
	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * The chunk at a grid position: cached, being loaded by another thread, or loaded now.
	 *
	 * @param gridPosition the chunk's grid position (Zarr axis order)
	 * @throws OpenOrganelleException naming the chunk when it cannot be fetched or decoded
	 */
	public V get(final long[] gridPosition) {
		final Key key = new Key(gridPosition);
		final CompletableFuture<V> pending;
		final boolean owner;
		synchronized (this) {
			final V cached = values.get(key);
			if (cached != null) {
				hits++;
				return cached;
			}
			final CompletableFuture<V> inFlight = loading.get(key);
			owner = inFlight == null;
			if (owner) {
				pending = new CompletableFuture<>();
				loading.put(key, pending);
				loads++;
			} else {
				hits++;
				pending = inFlight;
			}
		}
		return owner ? load(key, pending) : await(pending, key);
	}

	/**
	 * The chunk at a grid position if it is cached, without loading it or waiting for a load
	 * in progress: what a render thread may ask without ever blocking on I/O.
	 *
	 * @param gridPosition the chunk's grid position (Zarr axis order)
	 * @return the cached value, or empty when it is not (yet) in the cache
	 */
	public Optional<V> peek(final long[] gridPosition) {
		final Key key = new Key(gridPosition);
		synchronized (this) {
			final V cached = values.get(key);
			if (cached != null)
				hits++;
			return Optional.ofNullable(cached);
		}
	}

	private V load(final Key key, final CompletableFuture<V> pending) {
		try {
			final byte[] chunk = new byte[array.metadata().chunkBytes()];
			readers.get().read(key.position, chunk);
			final V value = converter.convert(key.position.clone(), chunk);
			store(key, value);
			pending.complete(value);
			return value;
		} catch (final RuntimeException | Error e) {
			synchronized (this) {
				loading.remove(key);
			}
			pending.completeExceptionally(e);
			throw e;
		}
	}

	private synchronized void store(final Key key, final V value) {
		loading.remove(key);
		values.put(key, value);
		cachedBytes += converter.sizeInBytes(value);
		final Iterator<Map.Entry<Key, V>> eldest = values.entrySet().iterator();
		while (cachedBytes > maxBytes && eldest.hasNext()) {
			final V evicted = eldest.next().getValue();
			eldest.remove();
			cachedBytes -= converter.sizeInBytes(evicted);
			evictions++;
		}
	}

	private V await(final CompletableFuture<V> pending, final Key key) {
		try {
			return pending.join();
		} catch (final CompletionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof RuntimeException)
				throw (RuntimeException) cause;
			if (cause instanceof Error)
				throw (Error) cause;
			throw new OpenOrganelleException("cannot load " + array.describeChunk(key.position) + ": " + cause,
					cause);
		}
	}

	/** Bytes currently held (at most {@link #maxBytes()} once a load has finished). */
	public synchronized long cachedBytes() {
		return cachedBytes;
	}

	/** Chunks currently held. */
	public synchronized int cachedChunks() {
		return values.size();
	}

	/** Chunks loaded (fetched and decoded) so far. */
	public synchronized long loads() {
		return loads;
	}

	/** Requests answered from the cache or by waiting for another thread's load. */
	public synchronized long hits() {
		return hits;
	}

	/** Chunks evicted to stay within the budget. */
	public synchronized long evictions() {
		return evictions;
	}

	/** Drops every cached chunk (loads in progress complete normally). */
	public synchronized void clear() {
		values.clear();
		cachedBytes = 0;
	}

	private static final class Key {

		private final long[] position;
		private final int hash;

		Key(final long[] position) {
			this.position = position.clone();
			this.hash = Arrays.hashCode(position);
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof Key && Arrays.equals(position, ((Key) o).position);
		}

		@Override
		public int hashCode() {
			return hash;
		}
	}
}
