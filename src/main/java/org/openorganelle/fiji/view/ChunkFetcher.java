package org.openorganelle.fiji.view;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import org.openorganelle.fiji.DaemonThreads;

import ij.IJ;

/**
 * Loads chunks in the background for render threads that must never wait: a request only
 * queues the chunk and returns; a bounded pool of daemon threads loads queued chunks into
 * their {@link ChunkCache}, <b>most recent request first</b> (what the viewer shows now
 * before what it showed a moment ago; within one frame BigDataViewer asks for coarser
 * levels after finer ones, so they arrive first).
 * <p>
 * The queue is deduplicated (a chunk queued or being loaded is not queued again; asking again
 * moves it to the front) and bounded: beyond {@link #maxQueued()} requests the oldest is
 * dropped — a viewer still showing it asks again on its next repaint.
 * <p>
 * A chunk that fails to load (after the store's own retries) is remembered and not requested
 * again ({@link VolatileLevelImage} then shows it black); the first failure of each array is
 * reported once, naming the chunk's URI (by default to ImageJ's log), so failures never vanish
 * and a dead connection does not flood the log.
 */
public final class ChunkFetcher {

	/** Default number of fetch threads: chunk loads are latency-bound (S3 requests). */
	public static final int DEFAULT_THREADS = 8;

	/** Default bound of queued requests. */
	public static final int DEFAULT_MAX_QUEUED = 1024;

	private final ExecutorService pool;
	private final int threads;
	private final int maxQueued;
	private final Consumer<String> report;
	private final TreeMap<Long, Request> queue = new TreeMap<>();
	private final Map<Request, Long> queuedAt = new HashMap<>();
	private final Set<Request> loading = new HashSet<>();
	private final Set<Request> failed = new HashSet<>();
	private final Set<ChunkCache<?>> reported = new HashSet<>();
	private long sequence;
	private int workers;
	private long dropped;
	private long loaded;

	/** A fetcher with {@link #DEFAULT_THREADS} threads and {@link #DEFAULT_MAX_QUEUED} queued requests, reporting to ImageJ's log. */
	public ChunkFetcher() {
		this(DEFAULT_THREADS, DEFAULT_MAX_QUEUED, IJ::log);
	}

	/**
	 * @param threads the most chunks loaded at once
	 * @param maxQueued the most requests waiting
	 * @param report receives one line per array whose chunk failed to load
	 */
	public ChunkFetcher(final int threads, final int maxQueued, final Consumer<String> report) {
		if (threads < 1 || maxQueued < 1)
			throw new IllegalArgumentException("a fetcher needs at least one thread and one queue slot, not "
					+ threads + " and " + maxQueued);
		this.pool = DaemonThreads.pool("openorganelle-fetch", threads);
		this.threads = threads;
		this.maxQueued = maxQueued;
		this.report = report;
	}

	/**
	 * Queues the chunk at a grid position for loading into a cache, unless it is queued, being
	 * loaded or failed before. Never blocks on I/O.
	 *
	 * @param gridPosition the chunk's grid position (Zarr axis order)
	 */
	public void request(final ChunkCache<?> cache, final long[] gridPosition) {
		final Request request = new Request(cache, gridPosition);
		final boolean startWorker;
		synchronized (this) {
			if (loading.contains(request) || failed.contains(request))
				return;
			final Long previous = queuedAt.remove(request);
			if (previous != null)
				queue.remove(previous);
			queue.put(++sequence, request);
			queuedAt.put(request, sequence);
			if (queue.size() > maxQueued) {
				queuedAt.remove(queue.pollFirstEntry().getValue());
				dropped++;
			}
			startWorker = workers < threads;
			if (startWorker)
				workers++;
		}
		if (startWorker)
			pool.execute(this::work);
	}

	/** Loads queued chunks, newest first, until the queue is empty. */
	private void work() {
		boolean queueEmptied = false;
		try {
			for (Request request = next(); request != null; request = next())
				load(request);
			queueEmptied = true;
		} finally {
			if (!queueEmptied)
				synchronized (this) {
					workers--;
				}
		}
	}

	/** The newest request, now loading; or null (and this worker ends) when there is none. */
	private synchronized Request next() {
		final Map.Entry<Long, Request> newest = queue.pollLastEntry();
		if (newest == null) {
			workers--;
			return null;
		}
		queuedAt.remove(newest.getValue());
		loading.add(newest.getValue());
		return newest.getValue();
	}

	private void load(final Request request) {
		try {
			request.cache.get(request.position);
			synchronized (this) {
				loaded++;
			}
		} catch (final RuntimeException e) {
			final boolean first;
			synchronized (this) {
				failed.add(request);
				first = reported.add(request.cache);
			}
			if (first)
				report.accept("OpenOrganelle: " + e.getMessage() + " (that part of the image is shown black;"
						+ " further failures in " + request.cache.array().uri() + " are not logged)");
		} finally {
			synchronized (this) {
				loading.remove(request);
			}
		}
	}

	/** The bound of queued requests. */
	public int maxQueued() {
		return maxQueued;
	}

	/** Requests waiting now. */
	public synchronized int queued() {
		return queue.size();
	}

	/** Requests dropped because the queue was full. */
	public synchronized long dropped() {
		return dropped;
	}

	/** Chunks loaded (or found already cached) by the fetch threads. */
	public synchronized long loaded() {
		return loaded;
	}

	/** Chunks that failed to load; they are not requested again. */
	public synchronized int failures() {
		return failed.size();
	}

	/** Whether the chunk at a grid position of a cache failed to load. */
	public synchronized boolean hasFailed(final ChunkCache<?> cache, final long[] gridPosition) {
		return failed.contains(new Request(cache, gridPosition));
	}

	/** A chunk of one cache. */
	private static final class Request {

		private final ChunkCache<?> cache;
		private final long[] position;
		private final int hash;

		Request(final ChunkCache<?> cache, final long[] position) {
			this.cache = cache;
			this.position = position.clone();
			this.hash = 31 * System.identityHashCode(cache) + Arrays.hashCode(position);
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof Request && ((Request) o).cache == cache && Arrays.equals(position,
					((Request) o).position);
		}

		@Override
		public int hashCode() {
			return hash;
		}
	}
}
