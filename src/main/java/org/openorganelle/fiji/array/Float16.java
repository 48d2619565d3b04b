package org.openorganelle.fiji.array;

/**
 * IEEE 754 half precision ({@code float16}, NumPy's {@code <f2}) held in the 16 bits of a
 * {@code short}, converted as NumPy converts it: to {@code float} exactly (NaN payloads kept),
 * and from {@code double} in one step with round-to-nearest-even, like {@code np.float16(x)}
 * (never through {@code float}, which would round twice). Java 17 has no half-precision type.
 */
public final class Float16 {

	private static final int SIGN = 0x8000;
	private static final int INFINITY = 0x7c00;
	private static final int MANTISSA_BITS = 10;
	private static final int EXPONENT_BIAS = 15;
	private static final int FLOAT_EXPONENT_BIAS = 127;
	private static final int FLOAT_MANTISSA_BITS = 23;

	private Float16() {
	}

	/** The value of a half's bits as a float (exact: every half is a float). */
	public static float toFloat(final short half) {
		final int bits = half & 0xffff;
		final int sign = (bits & SIGN) << 16;
		final int exponent = (bits & INFINITY) >>> MANTISSA_BITS;
		final int mantissa = bits & 0x3ff;
		final int shift = FLOAT_MANTISSA_BITS - MANTISSA_BITS;
		if (exponent == 0x1f)
			return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << shift);
		if (exponent == 0) {
			final float magnitude = mantissa * 0x1p-24f;
			return sign == 0 ? magnitude : -magnitude;
		}
		return Float.intBitsToFloat(sign | (exponent - EXPONENT_BIAS + FLOAT_EXPONENT_BIAS) << FLOAT_MANTISSA_BITS
				| mantissa << shift);
	}

	/**
	 * The bits of the half nearest a double, ties to even; values beyond the largest half
	 * (65504) round to infinity from 65520 on. NaN keeps its sign and the top bits of its payload.
	 */
	public static short fromDouble(final double value) {
		final long bits = Double.doubleToRawLongBits(value);
		final int sign = (int) (bits >>> 48) & SIGN;
		if (Double.isNaN(value)) {
			final int payload = (int) ((bits & 0xfffffffffffffL) >>> 42);
			return (short) (sign | INFINITY | (payload == 0 ? 1 : payload));
		}
		final double magnitude = Math.abs(value);
		final int exponent = Math.getExponent(magnitude);
		final int rounded;
		if (exponent < 1 - EXPONENT_BIAS)
			rounded = (int) Math.rint(Math.scalb(magnitude, 24));
		else if (exponent > EXPONENT_BIAS)
			rounded = INFINITY;
		else // the significand, 1024…2048 after rounding, carries the implicit bit into the exponent field
			rounded = ((exponent + EXPONENT_BIAS - 1) << MANTISSA_BITS) + (int) Math.rint(Math.scalb(magnitude,
					MANTISSA_BITS - exponent));
		return (short) (sign | Math.min(rounded, INFINITY));
	}
}
