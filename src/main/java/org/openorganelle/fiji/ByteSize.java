package org.openorganelle.fiji;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 4G}, {@code 500MB}, {@code 2GiB}, {@code 1.5T} or plain bytes (binary units). */
public final class ByteSize {

	private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?",
			Pattern.CASE_INSENSITIVE);

	private ByteSize() {
	}

	/**
	 * @param text e.g. {@code 4G}
	 * @param option what the size is for, named in the message (e.g. {@code --max-bytes})
	 * @return the size in bytes
	 * @throws OpenOrganelleException when the text is no size or the size is out of range
	 */
	public static long parse(final String text, final String option) {
		final Matcher m = SIZE.matcher(text.trim());
		if (!m.matches())
			throw new OpenOrganelleException("invalid " + option + " '" + text + "': give bytes or a size like 500M, "
					+ "4G, 1T");
		final double value = Double.parseDouble(m.group(1));
		final int shift = "_kmgt".indexOf(m.group(2).isEmpty() ? '_' : m.group(2).toLowerCase(Locale.ROOT).charAt(0))
				* 10;
		final double bytes = value * Math.pow(2, shift);
		if (bytes < 1 || bytes > Long.MAX_VALUE / 2)
			throw new OpenOrganelleException("invalid " + option + " '" + text + "': out of range");
		return (long) bytes;
	}
}
