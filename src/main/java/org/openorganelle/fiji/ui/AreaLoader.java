package org.openorganelle.fiji.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * Loads for one area of the window (datasets, arrays, levels, thumbnail, ...): each load
 * runs on a worker and returns a value without touching Swing; its result is applied on
 * the event thread only if no newer load of the area was started since (a generation
 * counter), so a fast user never sees an old answer. A failure shows inline in the area's
 * {@link StatusLine}, with a Retry that starts the same load again. Event thread only.
 */
final class AreaLoader {

	private final Executor workers;
	private final StatusLine status;
	private int generation;

	AreaLoader(final Executor workers, final StatusLine status) {
		this.workers = workers;
		this.status = status;
	}

	/**
	 * Starts a load, superseding any running one of this area.
	 *
	 * @param doing what the status line says meanwhile, e.g. "Listing the bucket ..."
	 * @param task the blocking work, run on a worker
	 * @param apply receives the value on the event thread, when still current
	 */
	<T> void start(final String doing, final Callable<T> task, final Consumer<T> apply) {
		final int started = ++generation;
		status.loading(doing);
		workers.execute(() -> {
			try {
				final T value = task.call();
				SwingUtilities.invokeLater(() -> {
					if (started != generation)
						return;
					status.clear();
					apply.accept(value);
				});
			} catch (final Exception | LinkageError e) {
				final String why = describe(e);
				SwingUtilities.invokeLater(() -> {
					if (started == generation)
						status.failed(why, () -> start(doing, task, apply));
				});
			}
		});
	}

	/** Forgets any running load (its result will not be applied) and clears the status. */
	void forget() {
		generation++;
		status.clear();
	}

	/** Shows a remark in the area's status line. */
	void note(final String text) {
		status.note(text);
	}

	/** One line for the user: the library's message, or the kind of an unexpected failure. */
	static String describe(final Throwable e) {
		if (e instanceof OpenOrganelleException)
			return e.getMessage();
		return "unexpected failure: " + e;
	}
}
