package org.openorganelle.fiji.zarr;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * Zarr metadata that is missing, malformed or impossible (truncated JSON, negative
 * shape, zero chunk size, unknown dtype). The message names the metadata key's URI.
 */
public class ZarrFormatException extends OpenOrganelleException {

	private static final long serialVersionUID = 1L;

	public ZarrFormatException(final String message) {
		super(message);
	}

	public ZarrFormatException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
