package org.openorganelle.fiji.export;

/**
 * Receives the progress of an export: called from worker threads after each chunk and
 * from the writer after each written block, so implementations must be thread-safe and
 * quick.
 */
@FunctionalInterface
public interface ExportProgress {

	/** Ignores all updates. */
	ExportProgress NONE = status -> {
	};

	void update(Status status);

	/** A snapshot of an export's progress. */
	final class Status {
		/** Chunks fetched so far, and in all. */
		public final long chunksDone;
		public final long chunksTotal;
		/** Bytes of the .npy written so far, and in all. */
		public final long bytesWritten;
		public final long bytesTotal;
		/** Nanoseconds since the export started. */
		public final long elapsedNanos;

		public Status(final long chunksDone, final long chunksTotal, final long bytesWritten, final long bytesTotal,
				final long elapsedNanos) {
			this.chunksDone = chunksDone;
			this.chunksTotal = chunksTotal;
			this.bytesWritten = bytesWritten;
			this.bytesTotal = bytesTotal;
			this.elapsedNanos = elapsedNanos;
		}

		/** Output bytes per second so far. */
		public double bytesPerSecond() {
			return elapsedNanos == 0 ? 0 : bytesWritten * 1e9 / elapsedNanos;
		}

		/** Estimated seconds left, or -1 when unknown. */
		public double secondsLeft() {
			final double rate = bytesPerSecond();
			return rate <= 0 ? -1 : (bytesTotal - bytesWritten) / rate;
		}
	}
}
