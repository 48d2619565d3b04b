package org.openorganelle.fiji.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The --debug request log: prints every line of the stores' request log on stderr and
 * counts the attempts and the retries among them, for the summary line at the end of
 * the command.
 */
final class RequestTally implements Consumer<String> {

	/** How the store's request log starts a retry line ({@code RetryingStore}). */
	private static final String RETRY = "retry ";

	private final PrintWriter err;
	private final AtomicLong attempts = new AtomicLong();
	private final AtomicLong retries = new AtomicLong();

	RequestTally(final PrintWriter err) {
		this.err = err;
	}

	@Override
	public void accept(final String line) {
		(line.startsWith(RETRY) ? retries : attempts).incrementAndGet();
		synchronized (err) {
			err.println("debug: " + line);
			err.flush();
		}
	}

	/** Prints {@code debug: N requests, R retries}. */
	void printSummary() {
		synchronized (err) {
			err.println("debug: " + attempts.get() + (attempts.get() == 1 ? " request, " : " requests, ") + retries
					.get() + (retries.get() == 1 ? " retry" : " retries"));
			err.flush();
		}
	}
}
