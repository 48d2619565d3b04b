package org.openorganelle.fiji.export;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to stop an export, from the user (Cancel, Ctrl-C) or a time limit. Workers
 * check it between chunks; the export then removes its temporary file and throws
 * {@link ExportCancelledException} with the reason.
 */
public final class Cancellation {

	private final AtomicReference<String> reason = new AtomicReference<>();

	/** Asks the export to stop; the first reason given is kept. */
	public void cancel(final String why) {
		reason.compareAndSet(null, why);
	}

	public boolean isCancelled() {
		return reason.get() != null;
	}

	/** @throws ExportCancelledException if cancelled */
	public void check() {
		final String why = reason.get();
		if (why != null)
			throw new ExportCancelledException(why);
	}
}
