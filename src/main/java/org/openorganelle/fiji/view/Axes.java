package org.openorganelle.fiji.view;

/** Conversion between Zarr axis order (slowest first: z, y, x) and ImgLib2 order (x, y, z). */
final class Axes {

	private Axes() {
	}

	/** The values in the opposite axis order. */
	static long[] reverse(final long[] values) {
		final long[] reversed = new long[values.length];
		for (int d = 0; d < values.length; d++)
			reversed[d] = values[values.length - 1 - d];
		return reversed;
	}

	/** The values in the opposite axis order. */
	static int[] reverse(final int[] values) {
		final int[] reversed = new int[values.length];
		for (int d = 0; d < values.length; d++)
			reversed[d] = values[values.length - 1 - d];
		return reversed;
	}

	/** The values in the opposite axis order. */
	static double[] reverse(final double[] values) {
		final double[] reversed = new double[values.length];
		for (int d = 0; d < values.length; d++)
			reversed[d] = values[values.length - 1 - d];
		return reversed;
	}
}
