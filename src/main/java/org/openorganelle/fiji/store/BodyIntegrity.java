package org.openorganelle.fiji.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a downloaded object against the MD5 digest its S3 ETag carries. S3 (and MinIO,
 * s3proxy, Google Cloud Storage's XML API) sets the ETag of an object uploaded in one
 * part, without KMS or customer-key encryption, to the hex MD5 of its bytes; other ETags
 * (multipart {@code "…-N"}, KMS, weak or non-S3 validators) carry no digest and are not
 * checked. A mismatch means the bytes changed on the way — a retryable failure, never data.
 */
final class BodyIntegrity {

	private static final Pattern MD5_ETAG = Pattern.compile("\"?[0-9a-fA-F]{32}\"?");

	private BodyIntegrity() {
	}

	/**
	 * @param uri the object, for the message
	 * @param body the bytes received
	 * @param etag the ETag header or field, null if none
	 * @param encryption the {@code x-amz-server-side-encryption} value, null if none
	 * @param customerKey whether the object is encrypted with a customer-provided key (SSE-C)
	 * @throws StoreException (retryable) naming the URI when the body's MD5 differs from the ETag's
	 */
	static void verify(final String uri, final byte[] body, final String etag, final String encryption,
			final boolean customerKey) {
		if (etag == null || !MD5_ETAG.matcher(etag).matches() || customerKey || (encryption != null && encryption
				.toLowerCase(Locale.ROOT).contains("kms")))
			return;
		final String expected = etag.replace("\"", "").toLowerCase(Locale.ROOT);
		final String actual = md5(body);
		if (!expected.equals(actual))
			throw new StoreException(uri, 0, true, "Corrupted answer for " + uri + ": the MD5 of the " + body.length
					+ " bytes received is " + actual + ", its ETag says " + expected + " (temporary)", null);
	}

	private static String md5(final byte[] body) {
		try {
			final byte[] digest = MessageDigest.getInstance("MD5").digest(body);
			final StringBuilder hex = new StringBuilder(32);
			for (final byte b : digest)
				hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
			return hex.toString();
		} catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has MD5", e);
		}
	}
}
