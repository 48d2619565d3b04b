package org.openorganelle.fiji.array;

/** Copies the overlap of two C-order blocks of fixed-size elements, row by row. */
public final class BlockCopy {

	private BlockCopy() {
	}

	/**
	 * Copies the voxels where two boxes overlap.
	 *
	 * @param src a C-order block holding the voxels of {@code srcBox}
	 * @param srcBox where {@code src} lies, in array coordinates
	 * @param dst a C-order block holding the voxels of {@code dstBox}
	 * @param dstBox where {@code dst} lies, in array coordinates
	 * @param elementSize bytes per voxel
	 * @return the overlap in {@code dstBox}'s own coordinates, or null when the boxes do not overlap
	 */
	public static Region copy(final byte[] src, final Region srcBox, final byte[] dst, final Region dstBox,
			final int elementSize) {
		final int n = srcBox.rank();
		final long[] srcStart = srcBox.start();
		final long[] srcEnd = srcBox.end();
		final long[] dstStart = dstBox.start();
		final long[] dstEnd = dstBox.end();
		final long[] lo = new long[n];
		final long[] size = new long[n];
		for (int d = 0; d < n; d++) {
			lo[d] = Math.max(srcStart[d], dstStart[d]);
			size[d] = Math.min(srcEnd[d], dstEnd[d]) - lo[d];
			if (size[d] <= 0)
				return null;
		}
		final long[] srcStrides = ChunkGrid.strides(srcBox.size());
		final long[] dstStrides = ChunkGrid.strides(dstBox.size());
		final int rowBytes = Math.toIntExact(size[n - 1] * elementSize);
		BoxRows.forEach(size, index -> {
			long s = 0;
			long t = 0;
			for (int d = 0; d < n; d++) {
				final long at = lo[d] + index[d];
				s += (at - srcStart[d]) * srcStrides[d];
				t += (at - dstStart[d]) * dstStrides[d];
			}
			System.arraycopy(src, Math.toIntExact(s * elementSize), dst, Math.toIntExact(t * elementSize), rowBytes);
		});
		final long[] inDst = new long[n];
		for (int d = 0; d < n; d++)
			inDst[d] = lo[d] - dstStart[d];
		return new Region(inDst, size);
	}
}
