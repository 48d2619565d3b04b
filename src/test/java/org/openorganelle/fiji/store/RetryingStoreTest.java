package org.openorganelle.fiji.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The retry policy against a store whose answers the test scripts: the policy, not the
 * transport, is under test here (transports fail for real in S3StoreTest and HttpStoreTest).
 */
class RetryingStoreTest {

	private static final String URI = "s3://bucket/root/s0/0/0/0";

	private final List<Long> sleeps = new ArrayList<>();
	private final List<String> log = new ArrayList<>();

	@Test
	void transientFailuresThenSuccess() {
		final ScriptedStore delegate = new ScriptedStore(() -> transientFailure(503), () -> transientFailure(500),
				() -> new byte[] { 1, 2, 3 });
		final RetryingStore store = retrying(delegate, options(6));
		assertArrayEquals(new byte[] { 1, 2, 3 }, store.get("s0/0/0/0").get());
		assertEquals(3, delegate.calls);
		assertEquals(List.of(100L, 200L), sleeps);
		assertEquals(5, log.size(), String.join("\n", log));
		assertTrue(log.get(0).startsWith("GET " + URI + " -> failed: "), log.get(0));
		assertTrue(log.get(0).contains("HTTP 503"), log.get(0));
		assertTrue(log.get(0).endsWith(", attempt 1)"), log.get(0));
		assertEquals("retry GET " + URI + " in 100 ms (attempt 2 of 6)", log.get(1));
		assertTrue(log.get(4).startsWith("GET " + URI + " -> 3 bytes ("), log.get(4));
		assertTrue(log.get(4).endsWith(" ms, attempt 3)"), log.get(4));
	}

	@Test
	void exhaustionNamesKeyStatusAndAttempts() {
		final ScriptedStore delegate = new ScriptedStore(() -> transientFailure(503));
		final StoreException e = assertThrows(StoreException.class, () -> retrying(delegate, options(4)).get("k"));
		assertEquals(4, delegate.calls);
		assertEquals(3, sleeps.size());
		assertTrue(e.getMessage().contains(URI), e.getMessage());
		assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
		assertTrue(e.getMessage().contains("gave up after 4 attempts"), e.getMessage());
		assertEquals(503, e.httpStatus());
		assertEquals(URI, e.uri());
		assertTrue(e.getCause() instanceof StoreException);
	}

	@Test
	void accessDeniedIsNotRetried() {
		final AccessDeniedException denied = new AccessDeniedException(URI, 403, null);
		final ScriptedStore delegate = new ScriptedStore(() -> {
			throw denied;
		});
		assertSame(denied, assertThrows(AccessDeniedException.class, () -> retrying(delegate, options(6)).get("k")));
		assertEquals(1, delegate.calls);
		assertEquals(List.of(), sleeps);
	}

	@Test
	void otherPermanentFailuresAreNotRetried() {
		final ScriptedStore delegate = new ScriptedStore(() -> {
			throw new StoreException(URI, 400, false, "Request for " + URI + " failed: HTTP 400", null);
		});
		assertThrows(StoreException.class, () -> retrying(delegate, options(6)).get("k"));
		assertEquals(1, delegate.calls);
	}

	@Test
	void absenceIsNotRetried() {
		final ScriptedStore delegate = new ScriptedStore(() -> null);
		assertEquals(Optional.empty(), retrying(delegate, options(6)).get("k"));
		assertEquals(1, delegate.calls);
		assertEquals(List.of(), sleeps);
		assertEquals(1, log.size());
		assertTrue(log.get(0).startsWith("GET " + URI + " -> absent ("), log.get(0));
	}

	@Test
	void listingsAreRetriedToo() {
		final ScriptedStore delegate = new ScriptedStore(() -> transientFailure(500), () -> new byte[0]);
		final Listing listing = retrying(delegate, options(3)).list("s0");
		assertEquals(List.of("a"), listing.prefixes());
		assertEquals(2, delegate.calls);
		assertTrue(log.get(2).startsWith("LIST " + URI + " -> 1 prefixes, 1 objects ("), log.get(2));
	}

	@Test
	void backoffDoublesUpToTheBoundWithFullJitter() {
		final Duration base = Duration.ofMillis(200);
		final Duration max = Duration.ofSeconds(10);
		final long[] bounds = { 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000 };
		for (int failed = 1; failed <= bounds.length; failed++) {
			assertEquals(0, RetryingStore.backoffMillis(failed, base, max, 0.0));
			assertEquals(bounds[failed - 1] / 2, RetryingStore.backoffMillis(failed, base, max, 0.5));
			assertEquals(bounds[failed - 1] - 1, RetryingStore.backoffMillis(failed, base, max, Math.nextDown(1.0)));
		}
		assertEquals(9_999, RetryingStore.backoffMillis(1000, base, max, Math.nextDown(1.0)), "no overflow");
	}

	@Test
	void scheduleWithDefaultOptionsStaysWithinTheBounds() {
		final ScriptedStore delegate = new ScriptedStore(() -> transientFailure(500));
		final StoreOptions defaults = StoreOptions.defaults();
		final RetryingStore store = new RetryingStore(delegate, defaults, sleeps::add, () -> Math.nextDown(1.0));
		assertThrows(StoreException.class, () -> store.get("k"));
		assertEquals(6, delegate.calls);
		assertEquals(List.of(199L, 399L, 799L, 1599L, 3199L), sleeps);
	}

	@Test
	void interruptionStopsRetrying() {
		final ScriptedStore delegate = new ScriptedStore(() -> transientFailure(500));
		final RetryingStore store = new RetryingStore(delegate, options(6), millis -> {
			throw new InterruptedException();
		}, () -> 0.5);
		final StoreException e = assertThrows(StoreException.class, () -> store.get("k"));
		assertTrue(Thread.interrupted(), "interrupt flag restored");
		assertTrue(e.getMessage().contains("Interrupted"), e.getMessage());
		assertEquals(1, delegate.calls);
	}

	private RetryingStore retrying(final KeyValueStore delegate, final StoreOptions options) {
		return new RetryingStore(delegate, options, sleeps::add, () -> 0.5);
	}

	private StoreOptions options(final int attempts) {
		return StoreOptions.builder().maxAttempts(attempts).backoff(Duration.ofMillis(200), Duration.ofMillis(1000))
				.requestLog(log::add).build();
	}

	private static byte[] transientFailure(final int status) {
		throw new StoreException(URI, status, true, "Request for " + URI + " failed: HTTP " + status, null);
	}

	/**
	 * Answers calls with scripted outcomes, the last one repeating: bytes, null for absent
	 * (a listing of one prefix and one object for list), or an exception thrown by the supplier.
	 */
	private static final class ScriptedStore implements KeyValueStore {

		private final Deque<Supplier<byte[]>> outcomes = new ArrayDeque<>();
		int calls;

		@SafeVarargs
		ScriptedStore(final Supplier<byte[]>... outcomes) {
			Collections.addAll(this.outcomes, outcomes);
		}

		@Override
		public Optional<byte[]> get(final String key) {
			return Optional.ofNullable(next());
		}

		@Override
		public Optional<byte[]> getRange(final String key, final ByteRange range) {
			return get(key).map(value -> range.slice(value, key));
		}

		@Override
		public Listing list(final String prefix) {
			next();
			return new Listing(List.of("a"), List.of("b"));
		}

		@Override
		public String uri(final String key) {
			return URI;
		}

		private byte[] next() {
			calls++;
			final Supplier<byte[]> outcome = outcomes.size() > 1 ? outcomes.poll() : outcomes.peek();
			return outcome.get();
		}
	}
}
