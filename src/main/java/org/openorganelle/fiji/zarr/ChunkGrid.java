package org.openorganelle.fiji.zarr;

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

	public ChunkGrid(final ZarrArrayMetadata metadata) {
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
	 * Copies the voxels of a decoded chunk (full chunk shape, C order) that lie in a region
	 * into the region's C-order buffer.
	 *
	 * @param chunk the decoded chunk at {@code position}
	 * @param position the chunk's grid position
	 * @param region the region {@code dst} holds
	 * @param dst the region's voxels, C order, starting at {@code dst[0]}
	 */
	public void copyIntoRegion(final byte[] chunk, final long[] position, final Region region, final byte[] dst) {
		final int n = shape.length;
		final long[] regionStart = region.start();
		final long[] regionSize = region.size();
		final long[] regionEnd = region.end();
		final int[] from = new int[n];
		final int[] count = new int[n];
		final long[] dstStart = new long[n];
		for (int d = 0; d < n; d++) {
			final long chunkStart = position[d] * chunks[d];
			final long lo = Math.max(chunkStart, regionStart[d]);
			final long hi = Math.min(Math.min(chunkStart + chunks[d], shape[d]), regionEnd[d]);
			if (hi <= lo)
				return;
			from[d] = (int) (lo - chunkStart);
			count[d] = (int) (hi - lo);
			dstStart[d] = lo - regionStart[d];
		}
		final long[] dstStrides = strides(regionSize);
		final long[] srcStrides = new long[n];
		long stride = 1;
		for (int d = n - 1; d >= 0; d--) {
			srcStrides[d] = stride;
			stride *= chunks[d];
		}
		final int rowBytes = count[n - 1] * elementSize;
		final int[] index = new int[n];
		while (true) {
			long src = 0;
			long dstPos = 0;
			for (int d = 0; d < n; d++) {
				src += (from[d] + (long) index[d]) * srcStrides[d];
				dstPos += (dstStart[d] + index[d]) * dstStrides[d];
			}
			System.arraycopy(chunk, (int) (src * elementSize), dst, Math.toIntExact(dstPos * elementSize), rowBytes);
			int d = n - 2;
			while (d >= 0 && ++index[d] == count[d]) {
				index[d] = 0;
				d--;
			}
			if (d < 0)
				return;
		}
	}

	private static long[] strides(final long[] size) {
		final long[] strides = new long[size.length];
		long stride = 1;
		for (int d = size.length - 1; d >= 0; d--) {
			strides[d] = stride;
			stride *= size[d];
		}
		return strides;
	}
}
