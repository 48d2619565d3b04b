package org.openorganelle.fiji.store;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;

/**
 * Checks and joins store keys: relative, '/'-separated paths that can never reach
 * outside the prefix a store is rooted at.
 */
public final class Keys {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private Keys() {}

	/**
	 * Checks a key or prefix and strips one trailing '/'.
	 *
	 * @param key a relative key such as {@code s0/.zarray}; the empty string names the root
	 * @return the key without a trailing '/'
	 * @throws OpenOrganelleException for a null key, or one with a {@link #problem}
	 */
	static String check(final String key) {
		if (key == null) throw new OpenOrganelleException("A store key must not be null");
		final String problem = problem(key);
		if (problem != null) throw invalid(key, problem);
		return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
	}

	/**
	 * Why a key or prefix could point outside a store's prefix or is malformed: a leading
	 * '/', a backslash, a control character, or an empty, {@code .} or {@code ..} segment
	 * (one trailing '/' is allowed).
	 *
	 * @return the reason, e.g. {@code it must not start with '/'}; null for a valid key
	 */
	public static String problem(final String key) {
		final String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
		if (trimmed.isEmpty()) return key.isEmpty() ? null : "it must not start with '/'";
		if (trimmed.startsWith("/")) return "it must not start with '/'";
		for (int i = 0; i < trimmed.length(); i++) {
			final char c = trimmed.charAt(i);
			if (c == '\\') return "it must not contain a backslash";
			if (Character.isISOControl(c)) return "it must not contain control characters";
		}
		for (final String segment : trimmed.split("/", -1)) {
			if (segment.isEmpty()) return "it must not contain empty segments ('//')";
			if (segment.equals(".") || segment.equals("..")) return "it must not contain '.' or '..' segments";
		}
		return null;
	}

	/** Joins two checked keys with '/', either of which may be empty. */
	static String join(final String parent, final String child) {
		if (parent.isEmpty()) return child;
		if (child.isEmpty()) return parent;
		return parent + "/" + child;
	}

	/** The prefix to list below a checked key: empty for the root, else the key and '/'. */
	static String asPrefix(final String key) {
		return key.isEmpty() ? "" : key + "/";
	}

	/**
	 * Adds the name of a listed key or common prefix relative to the listed prefix,
	 * without a trailing '/'; skips keys outside the prefix and the prefix itself.
	 */
	static void addChild(final List<String> children, final String listPrefix, final String key) {
		if (key == null || !key.startsWith(listPrefix)) return;
		final String name = key.substring(listPrefix.length());
		final String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
		if (!trimmed.isEmpty()) children.add(trimmed);
	}

	/**
	 * Percent-encodes a key for a URL path: every byte of its UTF-8 form except the
	 * RFC 3986 unreserved characters is escaped; with {@code keepSlashes}, '/' stays as it is.
	 */
	static String encode(final String text, final boolean keepSlashes) {
		final StringBuilder out = new StringBuilder();
		for (final byte b : text.getBytes(StandardCharsets.UTF_8)) {
			final char c = (char) (b & 0xff);
			if (isUnreserved(c) || keepSlashes && c == '/') out.append(c);
			else out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
		}
		return out.toString();
	}

	private static boolean isUnreserved(final char c) {
		return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	private static OpenOrganelleException invalid(final String key, final String reason) {
		return new OpenOrganelleException("Invalid store key \"" + HumanReadable.printable(key) + "\": " + reason
				+ "; keys are relative '/'-separated paths below the store's root, such as s0/.zarray");
	}
}
