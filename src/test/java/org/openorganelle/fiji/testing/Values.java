package org.openorganelle.fiji.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** An independent, straightforward mean of raw array bytes, for checking the exporters' means. */
public final class Values {

	private Values() {
	}

	/**
	 * @param descr the NumPy descr, e.g. {@code <i2}
	 * @return the mean, or NaN when a value is NaN or infinite
	 */
	public static double mean(final byte[] data, final String descr) {
		final ByteBuffer b = ByteBuffer.wrap(data).order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN
				: ByteOrder.LITTLE_ENDIAN);
		final char kind = descr.charAt(1);
		final int size = descr.charAt(2) - '0';
		final int n = data.length / size;
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < n; i++) {
			final int at = i * size;
			final BigDecimal v;
			if (kind == 'f') {
				final double d = size == 4 ? b.getFloat(at) : b.getDouble(at);
				if (!Double.isFinite(d))
					return Double.NaN;
				v = new BigDecimal(d);
			} else {
				final long raw = size == 1 ? b.get(at) : size == 2 ? b.getShort(at) : size == 4 ? b.getInt(at)
						: b.getLong(at);
				v = kind == 'i' ? BigDecimal.valueOf(raw)
						: new BigDecimal(new BigInteger(Long.toUnsignedString(
								size == 8 ? raw : raw & ((1L << (size * 8)) - 1))));
			}
			sum = sum.add(v);
		}
		return n == 0 ? Double.NaN : sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64)
				.doubleValue();
	}
}
