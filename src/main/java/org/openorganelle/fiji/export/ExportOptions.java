package org.openorganelle.fiji.export;

import java.time.Clock;
import java.time.Duration;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * How to export: parallel fetches, size and memory limits, time limit, cancellation and
 * progress. Immutable; the {@code with*} methods return changed copies.
 */
public final class ExportOptions {

	/** Default requests in flight at once. */
	public static final int DEFAULT_WORKERS = 16;
	/** Default refusal threshold: 4 GiB. */
	public static final long DEFAULT_MAX_BYTES = 4L << 30;
	/** {@link #DEFAULT_MAX_BYTES} as users write it. */
	public static final String DEFAULT_LIMIT = "4G";
	/** Default memory for the output buffer: 64 MiB. */
	public static final long DEFAULT_MEMORY = 64L << 20;
	/** The most parallel fetches accepted. */
	public static final int MAX_WORKERS = 256;

	private final int workers;
	private final long maxBytes;
	private final long memory;
	private final Duration timeout;
	private final Cancellation cancellation;
	private final ExportProgress progress;
	private final Clock clock;

	private ExportOptions(final int workers, final long maxBytes, final long memory, final Duration timeout,
			final Cancellation cancellation, final ExportProgress progress, final Clock clock) {
		if (workers < 1 || workers > MAX_WORKERS)
			throw new OpenOrganelleException("workers " + workers + " is out of range: give 1 to " + MAX_WORKERS);
		if (maxBytes < 1)
			throw new OpenOrganelleException("max bytes " + maxBytes + " must be positive");
		if (memory < 1 << 20)
			throw new OpenOrganelleException("memory " + memory + " bytes is too small: give at least 1 MiB");
		if (timeout != null && (timeout.isNegative() || timeout.isZero()))
			throw new OpenOrganelleException("timeout " + timeout + " must be positive");
		this.workers = workers;
		this.maxBytes = maxBytes;
		this.memory = memory;
		this.timeout = timeout;
		this.cancellation = cancellation;
		this.progress = progress;
		this.clock = clock;
	}

	/** 16 workers, 4 GiB limit, 64 MiB of buffer, no time limit, no progress. */
	public static ExportOptions defaults() {
		return new ExportOptions(DEFAULT_WORKERS, DEFAULT_MAX_BYTES, DEFAULT_MEMORY, null, new Cancellation(),
				ExportProgress.NONE, Clock.systemDefaultZone());
	}

	public ExportOptions withWorkers(final int n) {
		return new ExportOptions(n, maxBytes, memory, timeout, cancellation, progress, clock);
	}

	/** Exports larger than this are refused (with advice) before anything is fetched. */
	public ExportOptions withMaxBytes(final long bytes) {
		return new ExportOptions(workers, bytes, memory, timeout, cancellation, progress, clock);
	}

	/** Bytes of output buffer (the heap an export needs beyond one chunk per worker and two per core). */
	public ExportOptions withMemory(final long bytes) {
		return new ExportOptions(workers, maxBytes, bytes, timeout, cancellation, progress, clock);
	}

	/** A time limit for each export; null for none. */
	public ExportOptions withTimeout(final Duration limit) {
		return new ExportOptions(workers, maxBytes, memory, limit, cancellation, progress, clock);
	}

	public ExportOptions withCancellation(final Cancellation c) {
		return new ExportOptions(workers, maxBytes, memory, timeout, c, progress, clock);
	}

	public ExportOptions withProgress(final ExportProgress p) {
		return new ExportOptions(workers, maxBytes, memory, timeout, cancellation, p, clock);
	}

	/** The clock for timestamps in file names and records. */
	public ExportOptions withClock(final Clock c) {
		return new ExportOptions(workers, maxBytes, memory, timeout, cancellation, progress, c);
	}

	public int workers() {
		return workers;
	}

	public long maxBytes() {
		return maxBytes;
	}

	public long memory() {
		return memory;
	}

	/** The time limit, or null. */
	public Duration timeout() {
		return timeout;
	}

	public Cancellation cancellation() {
		return cancellation;
	}

	public ExportProgress progress() {
		return progress;
	}

	public Clock clock() {
		return clock;
	}
}
