package org.openorganelle.fiji.export;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteOrder;

import org.openorganelle.fiji.array.BoxRows;
import org.openorganelle.fiji.array.ChunkGrid;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Float16;
import org.openorganelle.fiji.array.Region;

/**
 * The sum and count of exported voxel values, for the record's {@code global_mean}.
 * Boxes of a C-order buffer are summed by worker threads in any order; integer sums are
 * exact (byte-position sums, weighed once per box; bool values count as 0 and 1) and per-box
 * float sums (float16 values widened exactly) are added exactly (as {@link BigDecimal}), so
 * the mean does not depend on the order chunks arrive in. NaN or infinite values make the
 * mean undefined.
 */
final class ValueSums {

	private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
			ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
	private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
	private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class,
			ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle FLOAT_BE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
	private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class,
			ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle DOUBLE_BE = MethodHandles.byteArrayViewVarHandle(double[].class,
			ByteOrder.BIG_ENDIAN);

	private final DataType type;
	private final int size;
	private final boolean bigEndian;
	private final boolean signed;
	private BigDecimal sum = BigDecimal.ZERO;
	private long count;
	private boolean nonFinite;

	ValueSums(final DataType type) {
		this.type = type;
		this.size = type.size();
		this.bigEndian = type.order() == ByteOrder.BIG_ENDIAN;
		this.signed = type.kind() == DataType.Kind.SIGNED;
	}

	/**
	 * Adds the values of a box of a C-order buffer holding a region.
	 *
	 * @param buffer the region's voxels
	 * @param regionSize the region's shape
	 * @param box the box to add, in the region's coordinates
	 */
	void addBox(final byte[] buffer, final long[] regionSize, final Region box) {
		final int n = regionSize.length;
		final long[] strides = ChunkGrid.strides(regionSize);
		final long[] start = box.start();
		final long[] boxSize = box.size();
		final int rowLength = (int) boxSize[n - 1];
		final Partial partial = new Partial(size);
		BoxRows.forEach(boxSize, index -> {
			long offset = 0;
			for (int d = 0; d < n; d++)
				offset += (start[d] + index[d]) * strides[d];
			addRow(buffer, (int) (offset * size), rowLength, partial);
		});
		merge(partial, box.elementCount());
	}

	/**
	 * Per-box accumulators. bool (the count of true bytes), 16- and 32-bit integers are summed in
	 * a long ({@code whole}: an unsigned value is its signed reading plus 2^bits when the high bit
	 * is set); 8- and 64-bit integers exactly without wide arithmetic per value, as the unsigned
	 * sum of each byte position and (signed types) the count of negative values, which
	 * {@link #merge} weighs by 256^position. Floats are summed as a double per box.
	 */
	private static final class Partial {
		final long[] bytes;
		long negative;
		long whole;
		double floating;
		boolean nonFinite;

		Partial(final int size) {
			bytes = new long[size];
		}
	}

	private void addRow(final byte[] b, final int offset, final int length, final Partial p) {
		final int end = offset + length * size;
		if (type.kind() == DataType.Kind.FLOAT) {
			final double s = size == 2 ? halves(b, offset, end) : size == 4 ? floats(b, offset, end)
					: doubles(b, offset, end);
			if (Double.isFinite(s))
				p.floating += s;
			else
				p.nonFinite = true;
			return;
		}
		if (type.kind() == DataType.Kind.BOOL) {
			p.whole += trues(b, offset, end);
			return;
		}
		switch (size) {
		case 2:
			p.whole += shorts(b, offset, end);
			return;
		case 4:
			p.whole += ints(b, offset, end);
			return;
		default:
			for (int j = 0; j < size; j++)
				p.bytes[j] += unsignedBytes(b, offset + j, end, size);
			if (signed)
				p.negative += highBits(b, offset + (bigEndian ? 0 : size - 1), end, size);
		}
	}

	/** The sum of 16-bit values, signed or unsigned, in the type's byte order. */
	private long shorts(final byte[] b, final int from, final int to) {
		long s = 0;
		if (bigEndian)
			for (int i = from; i < to; i += 2)
				s += (short) SHORT_BE.get(b, i);
		else
			for (int i = from; i < to; i += 2)
				s += (short) SHORT_LE.get(b, i);
		return signed ? s : s + 65536L * highBits(b, from + (bigEndian ? 0 : 1), to, 2);
	}

	/** The sum of 32-bit values, signed or unsigned, in the type's byte order. */
	private long ints(final byte[] b, final int from, final int to) {
		long s = 0;
		if (bigEndian)
			for (int i = from; i < to; i += 4)
				s += (int) INT_BE.get(b, i);
		else
			for (int i = from; i < to; i += 4)
				s += (int) INT_LE.get(b, i);
		return signed ? s : s + (1L << 32) * highBits(b, from + (bigEndian ? 0 : 3), to, 4);
	}

	/** How many bool bytes are true (not zero). */
	private static long trues(final byte[] b, final int from, final int to) {
		long s = 0;
		for (int i = from; i < to; i++)
			s += b[i] == 0 ? 0 : 1;
		return s;
	}

	/** The sum of every {@code step}-th byte from {@code from}, unsigned. */
	private static long unsignedBytes(final byte[] b, final int from, final int to, final int step) {
		long s = 0;
		for (int i = from; i < to; i += step)
			s += b[i] & 0xff;
		return s;
	}

	/** How many of every {@code step}-th byte from {@code from} have their high bit set. */
	private static long highBits(final byte[] b, final int from, final int to, final int step) {
		long s = 0;
		for (int i = from; i < to; i += step)
			s += (b[i] & 0xff) >>> 7;
		return s;
	}

	private double halves(final byte[] b, final int from, final int to) {
		double s = 0;
		if (bigEndian)
			for (int i = from; i < to; i += 2)
				s += Float16.toFloat((short) SHORT_BE.get(b, i));
		else
			for (int i = from; i < to; i += 2)
				s += Float16.toFloat((short) SHORT_LE.get(b, i));
		return s;
	}

	private double floats(final byte[] b, final int from, final int to) {
		double s = 0;
		if (bigEndian)
			for (int i = from; i < to; i += 4)
				s += (float) FLOAT_BE.get(b, i);
		else
			for (int i = from; i < to; i += 4)
				s += (float) FLOAT_LE.get(b, i);
		return s;
	}

	private double doubles(final byte[] b, final int from, final int to) {
		double s = 0;
		if (bigEndian)
			for (int i = from; i < to; i += 8)
				s += (double) DOUBLE_BE.get(b, i);
		else
			for (int i = from; i < to; i += 8)
				s += (double) DOUBLE_LE.get(b, i);
		return s;
	}

	private synchronized void merge(final Partial p, final long elements) {
		count += elements;
		if (p.nonFinite || nonFinite) {
			nonFinite = true;
			return;
		}
		if (type.kind() == DataType.Kind.FLOAT) {
			sum = sum.add(new BigDecimal(p.floating));
			return;
		}
		BigInteger total = BigInteger.valueOf(p.whole);
		for (int j = 0; j < size; j++)
			total = total.add(BigInteger.valueOf(p.bytes[j]).shiftLeft(8 * (bigEndian ? size - 1 - j : j)));
		if (signed)
			total = total.subtract(BigInteger.valueOf(p.negative).shiftLeft(8 * size));
		sum = sum.add(new BigDecimal(total));
	}

	/** The mean, or null when there are no values or some are NaN or infinite. */
	synchronized Double mean() {
		if (count == 0 || nonFinite)
			return null;
		final double mean = sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue();
		return Double.isFinite(mean) ? mean : null;
	}
}
