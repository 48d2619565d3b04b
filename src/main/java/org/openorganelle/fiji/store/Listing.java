package org.openorganelle.fiji.store;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The direct children of a prefix: {@link #prefixes()} are "directories" (names without
 * the trailing '/'), {@link #objects()} are keys stored directly below the prefix. Both
 * are sorted and free of duplicates.
 */
public final class Listing {

	private final List<String> prefixes;
	private final List<String> objects;

	public Listing(final Collection<String> prefixes, final Collection<String> objects) {
		this.prefixes = List.copyOf(new TreeSet<>(prefixes));
		this.objects = List.copyOf(new TreeSet<>(objects));
	}

	public List<String> prefixes() {
		return prefixes;
	}

	public List<String> objects() {
		return objects;
	}

	public boolean isEmpty() {
		return prefixes.isEmpty() && objects.isEmpty();
	}
}
