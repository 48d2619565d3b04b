package org.openorganelle.fiji;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Picks the valid names closest to a mistyped one: names that extend it or share its
 * stem first (asking for {@code jrc_cos7-1} suggests {@code jrc_cos7-1a}, {@code jrc_cos7-1b},
 * {@code jrc_cos7-11}), then names within a small edit distance.
 */
public final class Suggestions {

	/** At most this many suggestions are made. */
	public static final int MAX = 6;

	private Suggestions() {
	}

	/** The closest candidates to {@code name}, best first; empty when none is close. */
	public static List<String> closest(final String name, final List<String> candidates) {
		final String wanted = name.toLowerCase(Locale.ROOT);
		final List<Scored> scored = new ArrayList<>();
		for (final String candidate : candidates) {
			final String c = candidate.toLowerCase(Locale.ROOT);
			final int distance = editDistance(wanted, c);
			final int prefix = commonPrefix(wanted, c);
			final boolean extendsName = c.startsWith(wanted) || wanted.startsWith(c);
			final boolean close = distance <= Math.max(2, wanted.length() / 4);
			final boolean sameStem = prefix >= Math.max(4, wanted.length() - 2);
			if (extendsName || close || sameStem)
				scored.add(new Scored(candidate, extendsName ? 0 : 1, distance));
		}
		scored.sort(Comparator.comparingInt((Scored s) -> s.rank).thenComparingInt(s -> s.distance)
				.thenComparing(s -> s.name));
		final List<String> out = new ArrayList<>();
		for (int i = 0; i < scored.size() && i < MAX; i++)
			out.add(scored.get(i).name);
		return out;
	}

	private static int commonPrefix(final String a, final String b) {
		int i = 0;
		while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i))
			i++;
		return i;
	}

	private static int editDistance(final String a, final String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++)
			previous[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			final int[] t = previous;
			previous = current;
			current = t;
		}
		return previous[b.length()];
	}

	private static final class Scored {
		final String name;
		final int rank;
		final int distance;

		Scored(final String name, final int rank, final int distance) {
			this.name = name;
			this.rank = rank;
			this.distance = distance;
		}
	}
}
