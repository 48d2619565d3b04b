package org.openorganelle.fiji.store;

/**
 * The store refused access to a key or prefix (HTTP 403 or the local file system's
 * equivalent). Never retried and never read as a missing chunk: the message suggests
 * credentials, since private buckets need them.
 */
public class AccessDeniedException extends StoreException {

	private static final long serialVersionUID = 1L;

	public AccessDeniedException(final String uri, final int httpStatus, final Throwable cause) {
		super(uri, httpStatus, false, "Access denied to " + uri + " (HTTP " + httpStatus
				+ "): the data is not public or the credentials lack permission; use --profile NAME (or AWS_PROFILE / "
				+ "AWS_ACCESS_KEY_ID) for credentialed access, or check the address", cause);
	}
}
