package org.openorganelle.fiji.ui;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Catches what a user would see go wrong outside the window: anything written to
 * {@code System.err} (an exception trace, a log line) and any exception no code caught,
 * on the event thread or elsewhere. Restores both when closed.
 */
final class Watch implements AutoCloseable {

	private final PrintStream savedErr = System.err;
	private final Thread.UncaughtExceptionHandler savedHandler = Thread.getDefaultUncaughtExceptionHandler();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

	Watch() {
		final OutputStream both = new OutputStream() {
			@Override
			public void write(final int b) {
				synchronized (err) {
					err.write(b);
				}
				savedErr.write(b);
			}
		};
		System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
		Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
	}

	/** What was written to {@code System.err}. */
	String err() {
		synchronized (err) {
			return err.toString(StandardCharsets.UTF_8);
		}
	}

	/** The exceptions nobody caught. */
	List<Throwable> uncaught() {
		return List.copyOf(uncaught);
	}

	@Override
	public void close() {
		System.setErr(savedErr);
		Thread.setDefaultUncaughtExceptionHandler(savedHandler);
	}
}
