package org.openorganelle.fiji.testing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.openorganelle.fiji.store.ByteRange;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.Listing;
import org.openorganelle.fiji.store.StoreException;

/**
 * Injects faults into a real store for the keys a predicate selects: an HTTP 503 on every
 * read, a delay before each read, reads held until a latch opens, or corrupt bytes instead
 * of the object. Everything else passes through. It counts the affected reads, the most in
 * flight at once and the threads that made them.
 */
public final class FaultyStore implements KeyValueStore {

	/** Chunk keys: their last segment is not a metadata document ({@code .zarray}, {@code zarr.json}, {@code attributes.json}). */
	public static final Predicate<String> CHUNKS = key -> {
		final String name = key.substring(key.lastIndexOf('/') + 1);
		return !name.startsWith(".") && !name.equals("zarr.json") && !name.equals("attributes.json");
	};

	/** What an affected read does instead of (or before) reading the store. */
	private interface Fault {
		Optional<byte[]> read(KeyValueStore store, String key) throws InterruptedException;
	}

	private final KeyValueStore store;
	private final Predicate<String> affected;
	private final Fault fault;
	public final AtomicInteger faults = new AtomicInteger();
	private final AtomicInteger inFlight = new AtomicInteger();
	private final AtomicInteger maxInFlight = new AtomicInteger();
	private final Set<String> threads = ConcurrentHashMap.newKeySet();

	private FaultyStore(final KeyValueStore store, final Predicate<String> affected, final Fault fault) {
		this.store = store;
		this.affected = affected;
		this.fault = fault;
	}

	/** Every read of an affected key fails as a 503 SlowDown would. */
	public static FaultyStore failing(final KeyValueStore store, final Predicate<String> affected) {
		return new FaultyStore(store, affected, (s, key) -> {
			throw new StoreException(s.uri(key), 503, true, "Request for " + s.uri(key)
					+ " failed: HTTP 503 SlowDown (temporary)", null);
		});
	}

	/** Every read of an affected key waits first, as over a slow network. */
	public static FaultyStore slow(final KeyValueStore store, final Predicate<String> affected, final long millis) {
		return new FaultyStore(store, affected, (s, key) -> {
			Thread.sleep(millis);
			return s.get(key);
		});
	}

	/** Reads of affected keys wait until the latch opens, so that concurrent requests overlap. */
	public static FaultyStore gated(final KeyValueStore store, final Predicate<String> affected,
			final CountDownLatch release) {
		return new FaultyStore(store, affected, (s, key) -> {
			release.await();
			return s.get(key);
		});
	}

	/** Affected keys read as three bytes that no codec decodes. */
	public static FaultyStore corrupt(final KeyValueStore store, final Predicate<String> affected) {
		return new FaultyStore(store, affected, (s, key) -> Optional.of(new byte[] { 1, 2, 3 }));
	}

	/** A ranged read is the (possibly faulty) whole read, sliced: the same faults apply. */
	@Override
	public Optional<byte[]> getRange(final String key, final ByteRange range) {
		return get(key).map(value -> range.slice(value, uri(key)));
	}

	@Override
	public Optional<byte[]> get(final String key) {
		if (!affected.test(key))
			return store.get(key);
		faults.incrementAndGet();
		threads.add(Thread.currentThread().getName());
		maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
		try {
			return fault.read(store, key);
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StoreException(store.uri(key), 0, true, "interrupted while reading " + store.uri(key), e);
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

	/** The most affected reads that were in flight at the same time. */
	public int maxInFlight() {
		return maxInFlight.get();
	}

	/** The names of the threads that made affected reads. */
	public Set<String> threads() {
		return Set.copyOf(threads);
	}
}
