package org.openorganelle.fiji.array;

import java.util.Arrays;

/**
 * A box of voxels: per-dimension start (inclusive) and size, in the voxel grid of one
 * array, like the NumPy slice {@code [start:start+size, ...]}.
 */
public final class Region {

	private final long[] start;
	private final long[] size;

	public Region(final long[] start, final long[] size) {
		if (start.length != size.length)
			throw new IllegalArgumentException("start and size ranks differ");
		for (int d = 0; d < start.length; d++)
			if (start[d] < 0 || size[d] < 0)
				throw new IllegalArgumentException("negative region " + Arrays.toString(start) + " + "
						+ Arrays.toString(size));
		this.start = start.clone();
		this.size = size.clone();
	}

	/** The whole of an array of the given shape. */
	public static Region whole(final long[] shape) {
		return new Region(new long[shape.length], shape);
	}

	public int rank() {
		return start.length;
	}

	/** First voxel, per dimension (a copy). */
	public long[] start() {
		return start.clone();
	}

	/** Extent in voxels, per dimension (a copy). */
	public long[] size() {
		return size.clone();
	}

	/** One past the last voxel, per dimension. */
	public long[] end() {
		final long[] end = new long[start.length];
		for (int d = 0; d < end.length; d++)
			end[d] = start[d] + size[d];
		return end;
	}

	/** Number of voxels. */
	public long elementCount() {
		long n = 1;
		for (final long s : size)
			n = Math.multiplyExact(n, s);
		return n;
	}

	/** Whether the region lies within an array of the given shape. */
	public boolean fitsIn(final long[] shape) {
		if (shape.length != start.length)
			return false;
		for (int d = 0; d < shape.length; d++)
			if (start[d] + size[d] > shape[d])
				return false;
		return true;
	}

	@Override
	public String toString() {
		final StringBuilder s = new StringBuilder();
		for (int d = 0; d < start.length; d++)
			s.append(d > 0 ? "," : "").append(start[d]).append(':').append(start[d] + size[d]);
		return s.toString();
	}
}
