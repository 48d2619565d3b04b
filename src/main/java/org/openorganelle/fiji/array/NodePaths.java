package org.openorganelle.fiji.array;

/** Joining and normalising of '/'-separated node paths inside a hierarchy. */
public final class NodePaths {

	private NodePaths() {
	}

	/** Strips leading and trailing '/' and collapses repeated '/'. */
	public static String normalize(final String path) {
		final StringBuilder out = new StringBuilder();
		for (final String part : path.split("/")) {
			if (part.isEmpty())
				continue;
			if (out.length() > 0)
				out.append('/');
			out.append(part);
		}
		return out.toString();
	}

	/** The path of a child node or key: {@code parent/name}, or {@code name} below the root. */
	public static String child(final String parent, final String name) {
		final String p = normalize(parent);
		return p.isEmpty() ? name : p + "/" + name;
	}

	/** The last segment of a path ({@code s0} for {@code recon-1/em/fibsem-uint8/s0}). */
	public static String name(final String path) {
		final String p = normalize(path);
		return p.substring(p.lastIndexOf('/') + 1);
	}
}
