package org.openorganelle.fiji.view;

import java.awt.EventQueue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.openorganelle.fiji.DaemonThreads;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.ChunkedArray;

import ij.IJ;

/**
 * Applies a preview's display range from a bounded {@link RangeSample} of the data, without
 * ever blocking the event thread: called on it, the sample is read on a background thread and
 * the range applied later on the event thread; called elsewhere (a worker, a script), it is
 * read at once so the preview opens with its contrast. A failed read leaves the type's default
 * range and says so in ImageJ's log, naming what failed.
 */
final class Contrast {

	private static final Executor READERS = DaemonThreads.pool("openorganelle-range", 2);

	private Contrast() {
	}

	/**
	 * Reads the display range of an array's sample and hands it to {@code target}.
	 *
	 * @return completes once the range was handed over (or the read failed)
	 */
	static CompletableFuture<Void> apply(final ChunkedArray sample, final Consumer<DisplayRange> target) {
		if (!EventQueue.isDispatchThread()) {
			read(sample).ifPresent(target);
			return CompletableFuture.completedFuture(null);
		}
		final CompletableFuture<Void> applied = new CompletableFuture<>();
		READERS.execute(() -> {
			final Optional<DisplayRange> range = read(sample);
			EventQueue.invokeLater(() -> {
				try {
					range.ifPresent(target);
				} finally {
					applied.complete(null);
				}
			});
		});
		return applied;
	}

	private static Optional<DisplayRange> read(final ChunkedArray sample) {
		try {
			return Optional.of(RangeSample.of(sample));
		} catch (final OpenOrganelleException e) {
			IJ.log("OpenOrganelle: no display range from " + sample.uri() + " (the type's default is shown): " + e
					.getMessage());
			return Optional.empty();
		}
	}
}
