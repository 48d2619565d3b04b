package org.openorganelle.fiji.view;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.openorganelle.fiji.zarr.DataType;

/**
 * A display range taken from the data rather than from the data type: the
 * {@value #LOW_PERCENTILE}th and {@value #HIGH_PERCENTILE}th percentiles of the values
 * (of at most {@value #MAX_SAMPLES} evenly spaced ones), so int16 EM (≈ −1500…6000) shows its
 * contrast instead of a nearly black image under [0, 32767]. NaN and infinite values are
 * ignored; a constant image gets a range one unit wide.
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
		final ByteBuffer buffer = ByteBuffer.wrap(voxels).order(type.order());
		final int count = voxels.length / type.size();
		final int step = Math.max(1, (int) Math.ceil(count / (double) MAX_SAMPLES));
		final double[] sample = new double[(count + step - 1) / step];
		int n = 0;
		for (int i = 0; i < count; i += step) {
			final double value = value(buffer, i * type.size(), type);
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

	private static double value(final ByteBuffer buffer, final int at, final DataType type) {
		switch (type.kind()) {
			case FLOAT:
				return type.size() == 4 ? buffer.getFloat(at) : buffer.getDouble(at);
			case UNSIGNED:
				return unsigned(buffer, at, type.size());
			default:
				return signed(buffer, at, type.size());
		}
	}

	private static double signed(final ByteBuffer buffer, final int at, final int size) {
		switch (size) {
			case 1:
				return buffer.get(at);
			case 2:
				return buffer.getShort(at);
			case 4:
				return buffer.getInt(at);
			default:
				return buffer.getLong(at);
		}
	}

	private static double unsigned(final ByteBuffer buffer, final int at, final int size) {
		switch (size) {
			case 1:
				return Byte.toUnsignedInt(buffer.get(at));
			case 2:
				return Short.toUnsignedInt(buffer.getShort(at));
			case 4:
				return Integer.toUnsignedLong(buffer.getInt(at));
			default:
				final long bits = buffer.getLong(at);
				return bits >= 0 ? bits : (double) (bits >>> 1) * 2 + (bits & 1);
		}
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
