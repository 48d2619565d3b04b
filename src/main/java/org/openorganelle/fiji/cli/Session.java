package org.openorganelle.fiji.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openorganelle.fiji.DaemonThreads;
import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.export.Cancellation;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;

/**
 * What one subcommand run needs: the store factory and options built from its flags, the
 * output streams, and a {@link Cancellation} that the --timeout limit and Ctrl-C trigger.
 * After either, the body gets time to clean up (remove unfinished files) before the
 * command ends.
 */
final class Session {

	/** How long a cancelled body may take to clean up. */
	private static final long CLEANUP_SECONDS = 30;

	/** The body of a subcommand. */
	interface Body {
		void run(Session session) throws Exception;
	}

	final StoreFactory stores;
	final StoreOptions options;
	final ConnectionOptions flags;
	final PrintWriter out;
	final PrintWriter err;
	final Cancellation cancellation = new Cancellation();

	private Session(final StoreFactory stores, final StoreOptions options, final ConnectionOptions flags,
			final PrintWriter out, final PrintWriter err) {
		this.stores = stores;
		this.options = options;
		this.flags = flags;
		this.out = out;
		this.err = err;
	}

	/** Runs a body within the --timeout limit, cancellable by Ctrl-C, closing every client afterwards. */
	static void run(final OpenOrganelleCli cli, final ConnectionOptions flags, final Body body) throws Exception {
		final Duration timeout = flags.timeout();
		final StoreOptions options = flags.storeOptions(cli.err).toBuilder().environment(cli.environment).build();
		try (StoreFactory stores = new StoreFactory()) {
			final Session session = new Session(stores, options, flags, cli.out, cli.err);
			final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named(
					"openorganelle-command"));
			final Future<Void> future = executor.submit(() -> {
				body.run(session);
				return null;
			});
			final Thread onInterrupt = new Thread(() -> {
				session.cancellation.cancel("was cancelled (interrupted)");
				awaitQuietly(future);
			}, "openorganelle-interrupt");
			Runtime.getRuntime().addShutdownHook(onInterrupt);
			try {
				await(future, timeout);
			} catch (final TimeoutException e) {
				final String reason = "timed out after " + HumanReadable.number(timeout.toMillis() / 1000.0)
						+ " s (--timeout)";
				session.cancellation.cancel(reason);
				try {
					await(future, Duration.ofSeconds(CLEANUP_SECONDS));
				} catch (final TimeoutException stillRunning) {
					future.cancel(true);
				}
				throw new OpenOrganelleException(reason + "; raise the limit, or use a coarser level or a region");
			} finally {
				removeHook(onInterrupt);
				executor.shutdownNow();
				if (flags.tally != null)
					flags.tally.printSummary();
			}
		}
	}

	private static void await(final Future<Void> future, final Duration timeout) throws Exception {
		try {
			if (timeout == null)
				future.get();
			else
				future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (final ExecutionException e) {
			if (e.getCause() instanceof Exception)
				throw (Exception) e.getCause();
			throw e;
		}
	}

	private static void awaitQuietly(final Future<Void> future) {
		try {
			future.get(CLEANUP_SECONDS, TimeUnit.SECONDS);
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (final ExecutionException | TimeoutException e) {
			// The command's own error handling reports the failure; the hook only waits for cleanup.
			return;
		}
	}

	private static void removeHook(final Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		} catch (final IllegalStateException shuttingDown) {
			// The JVM is already exiting (Ctrl-C): the hook is running and waits for the cleanup.
			return;
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
