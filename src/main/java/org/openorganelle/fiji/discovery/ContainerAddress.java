package org.openorganelle.fiji.discovery;

import java.util.Locale;

/**
 * An address as users paste it, split into the container and the path inside it: the
 * first path component ending in {@code .zarr} or {@code .n5} ends the container
 * ({@code s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5/em/fibsem-uint16/s4} is the
 * container {@code …/jrc_hela-2.n5} and the path {@code em/fibsem-uint16/s4}). Neuroglancer's
 * {@code zarr://} and {@code n5://} prefixes are accepted and dropped. An address without
 * such a component is all container.
 */
public final class ContainerAddress {

	private final String container;
	private final String path;

	private ContainerAddress(final String container, final String path) {
		this.container = container;
		this.path = path;
	}

	/** Splits an address (trailing '/' and surrounding blanks ignored). */
	public static ContainerAddress parse(final String address) {
		String a = address.trim();
		for (final String prefix : new String[] { "zarr://", "zarr2://", "n5://" })
			if (a.toLowerCase(Locale.ROOT).startsWith(prefix) && a.length() > prefix.length()
					&& a.substring(prefix.length()).contains(":"))
				a = a.substring(prefix.length());
		final int scheme = a.indexOf("://");
		final int from = scheme < 0 ? 0 : a.indexOf('/', scheme + 3) + 1;
		if (scheme >= 0 && from == 0)
			return new ContainerAddress(a, "");
		final String[] parts = a.substring(from).split("/", -1);
		int offset = from;
		for (final String part : parts) {
			offset += part.length();
			final String lower = part.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".zarr") || lower.endsWith(".n5"))
				return new ContainerAddress(a.substring(0, offset), trim(a.substring(Math.min(offset + 1, a.length()))));
			offset++;
		}
		return new ContainerAddress(a, "");
	}

	private static String trim(final String path) {
		return path.replaceAll("^/+|/+$", "");
	}

	/** The container's address. */
	public String container() {
		return container;
	}

	/** The path inside the container the address points at; empty when it points at the container. */
	public String path() {
		return path;
	}
}
