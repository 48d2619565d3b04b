package org.openorganelle.fiji.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the answer to a ranged GET (HTTP 206 with {@code Content-Range: bytes a-b/total}):
 * it must hold exactly the bytes asked for. A range past the value's end is the caller's
 * error (not retryable); an answer of another length or place is a damaged answer
 * (retryable), never data.
 */
final class RangeAnswers {

	private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
	private static final Pattern UNSATISFIED = Pattern.compile("bytes\\s+\\*/(\\d+)");

	private RangeAnswers() {
	}

	/**
	 * @param contentRange the answer's {@code Content-Range} header, or null
	 * @return {@code body} when it is the range
	 * @throws StoreException naming {@code uri} and the range otherwise
	 */
	static byte[] check(final String uri, final ByteRange range, final byte[] body, final String contentRange) {
		final Matcher m = contentRange == null ? null : CONTENT_RANGE.matcher(contentRange.trim());
		final boolean parsed = m != null && m.matches();
		final long total = parsed && !m.group(3).equals("*") ? Long.parseLong(m.group(3)) : -1;
		if (total >= 0)
			range.startIn(total, uri);
		if (body.length != range.length())
			throw new StoreException(uri, 206, true, "The answer for " + range + " of " + uri + " holds "
					+ body.length + " bytes, not " + range.length(), null);
		if (parsed && !range.isSuffix() && Long.parseLong(m.group(1)) != range.offset())
			throw new StoreException(uri, 206, true, "The answer for " + range + " of " + uri + " starts at byte "
					+ m.group(1), null);
		return body;
	}

	/** The error for a range the value cannot hold (HTTP 416), with its size when the answer gives it. */
	static StoreException pastEnd(final String uri, final ByteRange range, final String contentRange) {
		final Matcher m = contentRange == null ? null : UNSATISFIED.matcher(contentRange.trim());
		if (m != null && m.matches())
			range.startIn(Long.parseLong(m.group(1)), uri);
		return new StoreException(uri, 416, false, uri + ": " + range + " lies past its end (HTTP 416)", null);
	}
}
