package org.openorganelle.fiji.view;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.openorganelle.fiji.array.DataType;

/**
 * A display range taken from the data rather than from the data type: the
 * {@value #LOW_PERCENTILE}th and {@value #HIGH_PERCENTILE}th percentiles of the values
 * (of at most {@value #MAX_SAMPLES} evenly spaced ones), so int16 EM (≈ −1500…6000) shows its
 * contrast instead of a nearly black image under [0, 32767]. NaN and infinite values are
 * ignored; a constant image gets a range one unit wide. bool data always gets [0, 1].
 */
public final class DisplayRange {

	/** The percentile mapped to black. */
	public static final double LOW_PERCENTILE = 0.1;

	/** The percentile mapped to white. */
	public static final double HIGH_PERCENTILE = 99.9;

	/** The most values looked at. */
	public static final int MAX_SAMPLES = 1 << 20;

	private final double min;
	private final double max;

	private DisplayRange(final double min, final double max) {
		this.min = min;
		this.max = max;
	}

	/**
	 * The range of C-order voxels stored in a data type.
	 *
	 * @param voxels the values, in the type's byte order
	 * @param type their data type
	 */
	public static DisplayRange of(final byte[] voxels, final DataType type) {
		if (type.kind() == DataType.Kind.BOOL)
			return new DisplayRange(0, 1);
		final ByteBuffer buffer = ByteBuffer.wrap(voxels).order(type.order());
		final int count = voxels.length / type.size();
		final int step = Math.max(1, (int) Math.ceil(count / (double) MAX_SAMPLES));
		final double[] sample = new double[(count + step - 1) / step];
		int n = 0;
		for (int i = 0; i < count; i += step) {
			final double value = type.doubleAt(buffer, i * type.size());
			if (Double.isFinite(value))
				sample[n++] = value;
		}
		return ofSample(Arrays.copyOf(sample, n));
	}

	/** The range of some values (the array is sorted in place). */
	static DisplayRange ofSample(final double[] values) {
		if (values.length == 0)
			return new DisplayRange(0, 1);
		Arrays.sort(values);
		final double low = values[index(values.length, LOW_PERCENTILE)];
		final double high = values[index(values.length, HIGH_PERCENTILE)];
		return high > low ? new DisplayRange(low, high) : new DisplayRange(low, low + 1);
	}

	private static int index(final int length, final double percentile) {
		return (int) Math.min(length - 1, Math.round(percentile / 100 * (length - 1)));
	}

	/** The value shown black. */
	public double min() {
		return min;
	}

	/** The value shown white. */
	public double max() {
		return max;
	}

	@Override
	public String toString() {
		return "[" + min + ", " + max + "]";
	}
}
