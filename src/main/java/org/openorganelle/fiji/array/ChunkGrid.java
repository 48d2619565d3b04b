package org.openorganelle.fiji.array;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps between an array's voxels and its chunks: which chunks a region touches, and how
 * to copy the part of a decoded chunk that lies in a region into a C-order buffer of the
 * region.
 */
public final class ChunkGrid {

	private final long[] shape;
	private final int[] chunks;
	private final int elementSize;

	public ChunkGrid(final ArrayMetadata metadata) {
		this.shape = metadata.shape();
		this.chunks = metadata.chunks();
		this.elementSize = metadata.dataType().size();
	}

	/** The grid positions of the chunks that intersect a region, in C order. */
	public List<long[]> chunksIn(final Region region) {
		final int n = shape.length;
		final long[] first = new long[n];
		final long[] last = new long[n];
		final long[] start = region.start();
		final long[] end = region.end();
		for (int d = 0; d < n; d++) {
			if (end[d] <= start[d])
				return new ArrayList<>();
			first[d] = start[d] / chunks[d];
			last[d] = (end[d] - 1) / chunks[d];
		}
		final List<long[]> positions = new ArrayList<>();
		final long[] p = first.clone();
		while (true) {
			positions.add(p.clone());
			int d = n - 1;
			while (d >= 0 && p[d] == last[d]) {
				p[d] = first[d];
				d--;
			}
			if (d < 0)
				return positions;
			p[d]++;
		}
	}

	/**
	 * The part of a chunk that lies in a region, as a box in the region's own coordinates.
	 *
	 * @return the box, or null when the chunk does not touch the region
	 */
	public Region intersection(final long[] position, final Region region) {
		final int n = shape.length;
		final long[] regionStart = region.start();
		final long[] regionEnd = region.end();
		final long[] start = new long[n];
		final long[] size = new long[n];
		for (int d = 0; d < n; d++) {
			final long chunkStart = position[d] * chunks[d];
			final long lo = Math.max(chunkStart, regionStart[d]);
			final long hi = Math.min(Math.min(chunkStart + chunks[d], shape[d]), regionEnd[d]);
			if (hi <= lo)
				return null;
			start[d] = lo - regionStart[d];
			size[d] = hi - lo;
		}
		return new Region(start, size);
	}

	/**
	 * Copies the voxels of a decoded chunk (full chunk shape, C order) that lie in a region
	 * into the region's C-order buffer.
	 *
	 * @param chunk the decoded chunk at {@code position}
	 * @param position the chunk's grid position
	 * @param region the region {@code dst} holds
	 * @param dst the region's voxels, C order, starting at {@code dst[0]}
	 * @return the box that was copied, in the region's coordinates, or null when none
	 */
	public Region copyIntoRegion(final byte[] chunk, final long[] position, final Region region, final byte[] dst) {
		return BlockCopy.copy(chunk, chunkBox(position), dst, region, elementSize);
	}

	/** The box a whole decoded chunk covers (full chunk shape, even at the array's edge), in array coordinates. */
	public Region chunkBox(final long[] position) {
		final long[] origin = new long[chunks.length];
		final long[] shape = new long[chunks.length];
		for (int d = 0; d < chunks.length; d++) {
			origin[d] = position[d] * chunks[d];
			shape[d] = chunks[d];
		}
		return new Region(origin, shape);
	}

	/** Element strides of a C-order block of the given shape. */
	public static long[] strides(final long[] size) {
		final long[] strides = new long[size.length];
		long stride = 1;
		for (int d = size.length - 1; d >= 0; d--) {
			strides[d] = stride;
			stride *= size[d];
		}
		return strides;
	}
}
