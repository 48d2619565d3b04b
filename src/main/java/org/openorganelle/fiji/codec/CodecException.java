package org.openorganelle.fiji.codec;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * A chunk that cannot be decoded (corrupt or truncated data, wrong decoded size) or a
 * codec this reader does not support. The message names the codec and, where known,
 * the chunk key.
 */
public class CodecException extends OpenOrganelleException {

	private static final long serialVersionUID = 1L;

	public CodecException(final String message) {
		super(message);
	}

	public CodecException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
