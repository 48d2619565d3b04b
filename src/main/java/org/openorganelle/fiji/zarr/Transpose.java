package org.openorganelle.fiji.zarr;

/** Reorders an n-dimensional block of fixed-size elements from Fortran to C order. */
final class Transpose {

	private Transpose() {
	}

	/**
	 * @param src elements in Fortran order (first index fastest)
	 * @param dst receives the same elements in C order (last index fastest)
	 * @param shape the block's shape
	 * @param elementSize bytes per element
	 */
	static void fortranToC(final byte[] src, final byte[] dst, final int[] shape, final int elementSize) {
		final int n = shape.length;
		final int[] fStride = new int[n];
		int stride = 1;
		for (int d = 0; d < n; d++) {
			fStride[d] = stride;
			stride *= shape[d];
		}
		final int total = stride;
		final int[] index = new int[n];
		final int last = n - 1;
		final int lastStride = fStride[last] * elementSize;
		int srcBase = 0;
		for (int out = 0; out < total;) {
			int s = srcBase;
			for (int i = 0; i < shape[last]; i++, out++, s += lastStride)
				System.arraycopy(src, s, dst, out * elementSize, elementSize);
			int d = last - 1;
			while (d >= 0) {
				index[d]++;
				srcBase += fStride[d] * elementSize;
				if (index[d] < shape[d])
					break;
				srcBase -= index[d] * fStride[d] * elementSize;
				index[d] = 0;
				d--;
			}
			if (d < 0)
				break;
		}
	}
}
