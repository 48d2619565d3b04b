package org.openorganelle.fiji.testing;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.Listing;
import org.openorganelle.fiji.store.StoreException;

/**
 * Injects faults into a real store for the keys a predicate selects: an HTTP 503 on every
 * read, or a delay before each read. Everything else passes through.
 */
public final class FaultyStore implements KeyValueStore {

	private final KeyValueStore store;
	private final Predicate<String> affected;
	private final long delayMillis;
	private final boolean failing;
	public final AtomicInteger faults = new AtomicInteger();

	private FaultyStore(final KeyValueStore store, final Predicate<String> affected, final long delayMillis,
			final boolean failing) {
		this.store = store;
		this.affected = affected;
		this.delayMillis = delayMillis;
		this.failing = failing;
	}

	/** Every read of an affected key fails as a 503 SlowDown would. */
	public static FaultyStore failing(final KeyValueStore store, final Predicate<String> affected) {
		return new FaultyStore(store, affected, 0, true);
	}

	/** Every read of an affected key waits first. */
	public static FaultyStore slow(final KeyValueStore store, final Predicate<String> affected, final long millis) {
		return new FaultyStore(store, affected, millis, false);
	}

	@Override
	public Optional<byte[]> get(final String key) {
		if (affected.test(key)) {
			faults.incrementAndGet();
			if (failing)
				throw new StoreException(store.uri(key), 503, true, "Request for " + store.uri(key)
						+ " failed: HTTP 503 SlowDown (temporary)", null);
			try {
				Thread.sleep(delayMillis);
			} catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new StoreException(store.uri(key), 0, true, "interrupted", e);
			}
		}
		return store.get(key);
	}

	@Override
	public Listing list(final String prefix) {
		return store.list(prefix);
	}

	@Override
	public String uri(final String key) {
		return store.uri(key);
	}
}
