package org.openorganelle.fiji.store;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * A failure to read or list a store: the message names the URI of the key or
 * prefix that failed and the cause (HTTP status, timeout, reset).
 * <p>
 * {@link #isRetryable()} tells whether the same request may succeed when repeated
 * (5xx, throttling, timeouts, connection resets, truncated bodies); a missing key
 * is never an exception (see {@link KeyValueStore#get(String)}).
 */
public class StoreException extends OpenOrganelleException {

	private static final long serialVersionUID = 1L;

	private final String uri;
	private final int httpStatus;
	private final boolean retryable;

	public StoreException(final String uri, final int httpStatus, final boolean retryable, final String message,
			final Throwable cause) {
		super(message, cause);
		this.uri = uri;
		this.httpStatus = httpStatus;
		this.retryable = retryable;
	}

	/** The URI of the key or prefix whose request failed. */
	public String uri() {
		return uri;
	}

	/** The HTTP status of the failed response, or 0 when there was none (timeout, reset, local I/O). */
	public int httpStatus() {
		return httpStatus;
	}

	/** Whether repeating the request may succeed. */
	public boolean isRetryable() {
		return retryable;
	}
}
