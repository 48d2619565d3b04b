package org.openorganelle.fiji.testing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.Listing;

/**
 * Makes every chunk request take a while, as over a slow network, and records which threads
 * made them and how many were in flight at once. Metadata documents are not delayed.
 */
public final class SlowStore implements KeyValueStore {

	private final KeyValueStore store;
	private final long delayMillis;
	private final AtomicInteger inFlight = new AtomicInteger();
	private final AtomicInteger maxInFlight = new AtomicInteger();
	private final Set<String> threads = ConcurrentHashMap.newKeySet();

	public SlowStore(final KeyValueStore store, final long delayMillis) {
		this.store = store;
		this.delayMillis = delayMillis;
	}

	@Override
	public Optional<byte[]> get(final String key) {
		if (key.substring(key.lastIndexOf('/') + 1).startsWith("."))
			return store.get(key);
		threads.add(Thread.currentThread().getName());
		maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
		try {
			Thread.sleep(delayMillis);
			return store.get(key);
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while delaying " + key, e);
		} finally {
			inFlight.decrementAndGet();
		}
	}

	@Override
	public Listing list(final String prefix) {
		return store.list(prefix);
	}

	@Override
	public String uri(final String key) {
		return store.uri(key);
	}

	/** The most chunk requests that were in flight at the same time. */
	public int maxInFlight() {
		return maxInFlight.get();
	}

	/** The names of the threads that requested chunks. */
	public Set<String> threads() {
		return Set.copyOf(threads);
	}
}
