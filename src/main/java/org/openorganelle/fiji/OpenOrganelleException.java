package org.openorganelle.fiji;

/**
 * Root of the one unchecked exception family thrown by this project's library code.
 * <p>
 * Every message names the thing that failed (a store key or URI, a dataset, an
 * array, a level or an option) and, where it helps, what would be valid. Commands
 * and the command line show the message as it is; they never need the stack trace
 * to tell the user what went wrong.
 */
public class OpenOrganelleException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public OpenOrganelleException(final String message) {
		super(message);
	}

	public OpenOrganelleException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
