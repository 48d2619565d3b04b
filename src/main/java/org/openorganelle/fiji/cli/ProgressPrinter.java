package org.openorganelle.fiji.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.export.ExportProgress;

/**
 * Prints export progress on stderr: chunks and bytes done, rate and time left. Quiet for
 * the first two seconds (small exports print nothing), then a line every
 * {@code interval} seconds.
 */
final class ProgressPrinter implements ExportProgress {

	private static final long QUIET_NANOS = 2_000_000_000L;

	private final PrintWriter err;
	private final long intervalNanos;
	private String label = "export";
	private long lastPrinted;

	ProgressPrinter(final PrintWriter err, final double intervalSeconds) {
		this.err = err;
		this.intervalNanos = (long) (intervalSeconds * 1e9);
	}

	/** Names the export whose progress follows. */
	synchronized void start(final String exportLabel) {
		label = exportLabel;
		lastPrinted = 0;
	}

	@Override
	public synchronized void update(final Status s) {
		if (s.elapsedNanos < QUIET_NANOS || s.elapsedNanos - lastPrinted < intervalNanos)
			return;
		lastPrinted = s.elapsedNanos;
		final double left = s.secondsLeft();
		err.printf(Locale.ROOT, "%s: %d/%d chunks, %s of %s, %s/s, %s left%n", label, s.chunksDone, s.chunksTotal,
				HumanReadable.bytes(s.bytesWritten), HumanReadable.bytes(s.bytesTotal),
				HumanReadable.bytes((long) s.bytesPerSecond()), left < 0 ? "?" : duration(left));
		err.flush();
	}

	private static String duration(final double seconds) {
		final long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
				: s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
	}
}
