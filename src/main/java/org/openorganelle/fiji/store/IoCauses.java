package org.openorganelle.fiji.store;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;

/** Short descriptions of failed requests, from their I/O causes (clients' own texts are long and generic). */
final class IoCauses {

	private IoCauses() {}

	/**
	 * An unknown host or a refused connection anywhere in the cause chain, said plainly.
	 *
	 * @param server the host and port connected to, for the message; null when the cause names it
	 */
	static Optional<String> connection(final Throwable e, final String server) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			final String message = t.getMessage() == null ? "" : t.getMessage();
			if (t instanceof UnknownHostException) {
				return Optional.of("unknown host " + message + " (offline, or a DNS failure?)");
			}
			if (t instanceof ConnectException) {
				return Optional.of("cannot connect" + (server == null ? "" : " to " + server) + " (" + (message.isEmpty()
						? "connection refused" : message) + ")");
			}
		}
		return Optional.empty();
	}

	/** {@link #connection} when it applies, else the root cause's class and message (or the failure's own message). */
	static String rootCause(final Throwable e) {
		final Optional<String> connection = connection(e, null);
		if (connection.isPresent()) return connection.get();
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) root = root.getCause();
		final String message = root.getMessage() == null ? "" : root.getMessage();
		if (root == e) return message.isEmpty() ? e.getClass().getSimpleName() : message;
		return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
	}
}
