package org.openorganelle.fiji.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;

/**
 * What one subcommand run needs: the store factory and options built from its flags, the
 * output streams, and the whole-command time limit.
 */
final class Session {

	/** The body of a subcommand. */
	interface Body {
		void run(Session session) throws Exception;
	}

	final StoreFactory stores;
	final StoreOptions options;
	final ConnectionOptions flags;
	final PrintWriter out;
	final PrintWriter err;

	private Session(final StoreFactory stores, final StoreOptions options, final ConnectionOptions flags,
			final PrintWriter out, final PrintWriter err) {
		this.stores = stores;
		this.options = options;
		this.flags = flags;
		this.out = out;
		this.err = err;
	}

	/** Runs a body within the --timeout limit, closing every client afterwards. */
	static void run(final OpenOrganelleCli cli, final ConnectionOptions flags, final Body body) throws Exception {
		final Duration timeout = flags.timeout();
		final StoreOptions options = flags.storeOptions(cli.err).toBuilder().environment(cli.environment).build();
		try (StoreFactory stores = new StoreFactory()) {
			final Session session = new Session(stores, options, flags, cli.out, cli.err);
			if (timeout == null) {
				body.run(session);
				return;
			}
			final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
				final Thread t = new Thread(r, "openorganelle-command");
				t.setDaemon(true);
				return t;
			});
			final Future<Void> future = executor.submit(() -> {
				body.run(session);
				return null;
			});
			try {
				future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			} catch (final TimeoutException e) {
				future.cancel(true);
				throw new OpenOrganelleException("timed out after " + timeout.toMillis() / 1000.0
						+ " s (--timeout); raise the limit or use a coarser level or a region", e);
			} catch (final ExecutionException e) {
				if (e.getCause() instanceof Exception)
					throw (Exception) e.getCause();
				throw e;
			} finally {
				executor.shutdownNow();
			}
		}
	}

	/** A note on stderr, shown with --verbose. */
	void note(final String message) {
		if (flags.verbose || flags.debug) {
			err.println("note: " + message);
			err.flush();
		}
	}
}
