package org.openorganelle.fiji.array;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * Zarr metadata that is missing, malformed or impossible (truncated JSON, negative
 * shape, zero chunk size, unknown dtype). The message names the metadata key's URI.
 */
public class FormatException extends OpenOrganelleException {

	private static final long serialVersionUID = 1L;

	public FormatException(final String message) {
		super(message);
	}

	public FormatException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
