package org.openorganelle.fiji.ui;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.export.ExportProgress;

/**
 * Passes an export's progress from its worker threads to the event thread, at most one
 * update waiting at a time (the newest wins), so a fast export cannot flood the event queue.
 */
final class ProgressRelay implements ExportProgress {

	/** What the dialog shows: per-mille of the chunks, and rate and time left. */
	static final class Shown {
		final int permille;
		final String rate;

		Shown(final int permille, final String rate) {
			this.permille = permille;
			this.rate = rate;
		}
	}

	private final Consumer<Shown> show;
	private final AtomicReference<Status> latest = new AtomicReference<>();
	private final AtomicBoolean queued = new AtomicBoolean();

	/** @param show receives the progress on the event thread */
	ProgressRelay(final Consumer<Shown> show) {
		this.show = show;
	}

	@Override
	public void update(final Status status) {
		latest.set(status);
		if (queued.compareAndSet(false, true))
			SwingUtilities.invokeLater(() -> {
				queued.set(false);
				show.accept(shown(latest.get()));
			});
	}

	/** E.g. per-mille 420 and {@code 12.5 MB/s, 8 s left}. */
	static Shown shown(final Status s) {
		final int permille = s.chunksTotal == 0 ? 1000 : (int) (1000 * s.chunksDone / s.chunksTotal);
		final double rate = s.bytesPerSecond();
		final double left = s.secondsLeft();
		final String text = HumanReadable.bytes((long) rate) + "/s" + (left >= 0 ? String.format(
				Locale.ROOT, ", %.0f s left", left) : "");
		return new Shown(permille, text);
	}
}
