package org.openorganelle.fiji.view;

import java.util.Arrays;

/**
 * The display range rule restated on zarr-python's values, independently of the reader: the
 * 0.1th and 99.9th percentiles (sorted index {@code round(p / 100 * (n - 1))}) of all values.
 */
final class Percentiles {

	private Percentiles() {
	}

	/** {min, max} of the display range of the values in an npy. */
	static double[] of(final Expected expected) {
		final double[] values = new double[expected.count()];
		for (int i = 0; i < values.length; i++)
			values[i] = expected.value(i);
		Arrays.sort(values);
		final int last = values.length - 1;
		return new double[] { values[(int) Math.round(0.001 * last)], values[(int) Math.round(0.999 * last)] };
	}
}
