package org.openorganelle.fiji.array;

/** Visits the rows (runs along the last axis) of an n-dimensional box, in C order. */
public final class BoxRows {

	/** Receives the index of a row's first element, relative to the box (do not keep the array). */
	@FunctionalInterface
	public interface Visitor {
		void row(long[] index);
	}

	private BoxRows() {
	}

	/** Calls the visitor once per row of a box of the given size (which must not be empty). */
	public static void forEach(final long[] size, final Visitor visitor) {
		final int n = size.length;
		final long[] index = new long[n];
		while (true) {
			visitor.row(index);
			int d = n - 2;
			while (d >= 0 && ++index[d] == size[d]) {
				index[d] = 0;
				d--;
			}
			if (d < 0)
				return;
		}
	}
}
