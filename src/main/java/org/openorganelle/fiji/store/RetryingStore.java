package org.openorganelle.fiji.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retries another store's retryable failures ({@link StoreException#isRetryable()})
 * with exponential backoff and full jitter, and writes the request log.
 * <p>
 * After the n-th failed attempt it waits a uniformly random time between 0 and
 * {@code min(maxBackoff, baseBackoff * 2^(n-1))}, for at most {@code maxAttempts}
 * attempts in all; then it throws the last failure, its message extended by the number
 * of attempts. Absent keys, access denied and other non-retryable failures are never
 * retried. When {@link StoreOptions#requestLog()} is set, every attempt and every
 * retry writes one line: method, URI, outcome, milliseconds and attempt number.
 */
public final class RetryingStore implements KeyValueStore {

	/** Waits between attempts. */
	interface Sleeper {

		void sleep(long millis) throws InterruptedException;
	}

	private final KeyValueStore delegate;
	private final int maxAttempts;
	private final Duration baseBackoff;
	private final Duration maxBackoff;
	private final Consumer<String> log;
	private final Sleeper sleeper;
	private final DoubleSupplier random;

	/** Retries {@code delegate} as {@code options} say, sleeping for real. */
	public RetryingStore(final KeyValueStore delegate, final StoreOptions options) {
		this(delegate, options, Thread::sleep, () -> ThreadLocalRandom.current().nextDouble());
	}

	/** With an own sleeper and random source in [0, 1), so the backoff policy can be checked without waiting. */
	RetryingStore(final KeyValueStore delegate, final StoreOptions options, final Sleeper sleeper,
			final DoubleSupplier random) {
		this.delegate = delegate;
		this.maxAttempts = options.maxAttempts();
		this.baseBackoff = options.baseBackoff();
		this.maxBackoff = options.maxBackoff();
		this.log = options.requestLog().orElse(null);
		this.sleeper = sleeper;
		this.random = random;
	}

	@Override
	public Optional<byte[]> get(final String key) {
		return execute("GET", delegate.uri(key), () -> delegate.get(key),
				value -> value.map(bytes -> bytes.length + " bytes").orElse("absent"));
	}

	@Override
	public Optional<byte[]> getRange(final String key, final ByteRange range) {
		return execute("GET", delegate.uri(key) + " (" + range + ")", () -> delegate.getRange(key, range),
				value -> value.map(bytes -> bytes.length + " bytes").orElse("absent"));
	}

	@Override
	public Listing list(final String prefix) {
		return execute("LIST", delegate.uri(prefix), () -> delegate.list(prefix),
				listing -> listing.prefixes().size() + " prefixes, " + listing.objects().size() + " objects");
	}

	@Override
	public String uri(final String key) {
		return delegate.uri(key);
	}

	/**
	 * The wait after {@code failedAttempts} failures: {@code random} (in [0, 1)) times
	 * {@code min(max, base * 2^(failedAttempts - 1))}, in milliseconds.
	 */
	static long backoffMillis(final int failedAttempts, final Duration base, final Duration max, final double random) {
		final long baseMillis = base.toMillis();
		final long maxMillis = max.toMillis();
		final int doublings = Math.min(failedAttempts - 1, 62);
		final long bound = baseMillis > maxMillis >> doublings ? maxMillis : Math.min(maxMillis, baseMillis << doublings);
		return (long) Math.floor(random * bound);
	}

	private <T> T execute(final String method, final String uri, final Supplier<T> request,
			final Function<T, String> outcome) {
		for (int attempt = 1;; attempt++) {
			final long start = System.nanoTime();
			try {
				final T result = request.get();
				log(method, uri, outcome.apply(result), start, attempt);
				return result;
			}
			catch (final StoreException e) {
				log(method, uri, "failed: " + e.getMessage(), start, attempt);
				if (!e.isRetryable()) throw e;
				if (attempt >= maxAttempts) throw exhausted(e, attempt);
				pause(method, uri, attempt);
			}
		}
	}

	private void pause(final String method, final String uri, final int failedAttempts) {
		final long delay = backoffMillis(failedAttempts, baseBackoff, maxBackoff, random.getAsDouble());
		if (log != null) {
			log.accept("retry " + method + " " + uri + " in " + delay + " ms (attempt " + (failedAttempts + 1) + " of "
					+ maxAttempts + ")");
		}
		try {
			sleeper.sleep(delay);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StoreException(uri, 0, false, "Interrupted while waiting to retry " + uri, e);
		}
	}

	private void log(final String method, final String uri, final String outcome, final long startNanos,
			final int attempt) {
		if (log == null) return;
		final long millis = (System.nanoTime() - startNanos) / 1_000_000;
		log.accept(method + " " + uri + " -> " + outcome + " (" + millis + " ms, attempt " + attempt + ")");
	}

	private static StoreException exhausted(final StoreException last, final int attempts) {
		return new StoreException(last.uri(), last.httpStatus(), last.isRetryable(), last.getMessage() + " (gave up after "
				+ attempts + (attempts == 1 ? " attempt)" : " attempts)"), last);
	}
}
