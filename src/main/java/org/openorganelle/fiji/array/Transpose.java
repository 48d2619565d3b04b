package org.openorganelle.fiji.array;

/**
 * Reorders an n-dimensional block of fixed-size elements stored with permuted axes (Zarr
 * v2's Fortran order, Zarr v3's {@code transpose} codec) into C order, optionally reversing
 * the bytes of each element (big- to little-endian) on the way.
 */
public final class Transpose {

	private Transpose() {
	}

	/**
	 * @param src elements in Fortran order (first index fastest)
	 * @param dst receives the same elements in C order (last index fastest)
	 * @param shape the block's shape
	 * @param elementSize bytes per element
	 */
	public static void fortranToC(final byte[] src, final byte[] dst, final int[] shape, final int elementSize) {
		final int[] reversed = new int[shape.length];
		for (int i = 0; i < shape.length; i++)
			reversed[i] = shape.length - 1 - i;
		toC(src, dst, shape, reversed, elementSize, false);
	}

	/**
	 * @param src elements in C order over the stored axes: stored axis {@code i} is axis {@code order[i]}
	 * @param dst receives the elements in C order over {@code shape}
	 * @param shape the block's shape (unpermuted)
	 * @param order the stored axis order, a permutation of {@code 0..rank-1}
	 * @param elementSize bytes per element
	 * @param reverseBytes whether to reverse the bytes of each element
	 */
	public static void toC(final byte[] src, final byte[] dst, final int[] shape, final int[] order,
			final int elementSize, final boolean reverseBytes) {
		final int rank = shape.length;
		final long[] stride = new long[rank];
		long elements = 1;
		for (int d = rank - 1; d >= 0; d--) {
			stride[d] = elements;
			elements *= shape[d];
		}
		final int[] storedShape = new int[rank];
		final long[] step = new long[rank];
		for (int i = 0; i < rank; i++) {
			storedShape[i] = shape[order[i]];
			step[i] = stride[order[i]];
		}
		final int[] index = new int[rank];
		long at = 0;
		for (long e = 0; e < elements; e++) {
			final int from = (int) e * elementSize;
			final int to = (int) at * elementSize;
			for (int b = 0; b < elementSize; b++)
				dst[to + b] = src[from + (reverseBytes ? elementSize - 1 - b : b)];
			for (int i = rank - 1; i >= 0; i--) {
				at += step[i];
				if (++index[i] < storedShape[i])
					break;
				at -= step[i] * storedShape[i];
				index[i] = 0;
			}
		}
	}
}
