package org.openorganelle.fiji.discovery;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.openorganelle.fiji.OpenOrganelleException;

/** Waits for the parallel listings of discovery, passing their own failures on unchanged. */
final class Futures {

	private Futures() {
	}

	/**
	 * The listing's result; its runtime exception as thrown.
	 *
	 * @param what what is being listed, for the interruption message, e.g. {@code the container}
	 */
	static <T> T await(final Future<T> future, final String what) {
		try {
			return future.get();
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OpenOrganelleException("interrupted while listing " + what, e);
		} catch (final ExecutionException e) {
			if (e.getCause() instanceof RuntimeException)
				throw (RuntimeException) e.getCause();
			throw new OpenOrganelleException("listing failed: " + e.getCause(), e.getCause());
		}
	}
}
