package org.openorganelle.fiji.export;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteOrder;

import org.openorganelle.fiji.zarr.BoxRows;
import org.openorganelle.fiji.zarr.ChunkGrid;
import org.openorganelle.fiji.zarr.DataType;
import org.openorganelle.fiji.zarr.Region;

/**
 * The sum and count of exported voxel values, for the record's {@code global_mean}.
 * Boxes of a C-order buffer are summed by worker threads in any order; integer sums are
 * exact and float sums are added exactly (as {@link BigDecimal}), so the mean does not
 * depend on the order chunks arrive in. NaN or infinite values make the mean undefined.
 */
final class ValueSums {

	private final DataType type;
	private final VarHandle view;
	private BigDecimal sum = BigDecimal.ZERO;
	private long count;
	private boolean nonFinite;

	ValueSums(final DataType type) {
		this.type = type;
		final ByteOrder order = type.order();
		switch (type.kind() == DataType.Kind.FLOAT ? -type.size() : type.size()) {
		case 1:
			view = null;
			break;
		case 2:
			view = MethodHandles.byteArrayViewVarHandle(short[].class, order);
			break;
		case 4:
			view = MethodHandles.byteArrayViewVarHandle(int[].class, order);
			break;
		case 8:
			view = MethodHandles.byteArrayViewVarHandle(long[].class, order);
			break;
		case -4:
			view = MethodHandles.byteArrayViewVarHandle(float[].class, order);
			break;
		default:
			view = MethodHandles.byteArrayViewVarHandle(double[].class, order);
		}
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
		final long[] size = box.size();
		final int rowLength = (int) size[n - 1];
		final Partial partial = new Partial();
		BoxRows.forEach(size, index -> {
			long offset = 0;
			for (int d = 0; d < n; d++)
				offset += (start[d] + index[d]) * strides[d];
			addRow(buffer, (int) (offset * type.size()), rowLength, partial);
		});
		merge(partial, box.elementCount());
	}

	/** Per-box accumulators: exact integer parts, or a double for floats. */
	private static final class Partial {
		long low;
		long high;
		double floating;
		boolean nonFinite;
	}

	private void addRow(final byte[] b, final int offset, final int length, final Partial p) {
		final int end = offset + length * type.size();
		if (type.kind() == DataType.Kind.FLOAT) {
			final double s = type.size() == 4 ? floats(b, offset, end) : doubles(b, offset, end);
			if (Double.isFinite(s))
				p.floating += s;
			else
				p.nonFinite = true;
			return;
		}
		final boolean signed = type.kind() == DataType.Kind.SIGNED;
		switch (type.size()) {
		case 1:
			p.low += signed ? signedBytes(b, offset, end) : unsignedBytes(b, offset, end);
			break;
		case 2:
			p.low += signed ? signedShorts(b, offset, end) : unsignedShorts(b, offset, end);
			break;
		case 4:
			p.low += signed ? signedInts(b, offset, end) : unsignedInts(b, offset, end);
			break;
		default:
			for (int i = offset; i < end; i += 8) {
				final long v = (long) view.get(b, i);
				p.low += v & 0xffffffffL;
				p.high += signed ? v >> 32 : v >>> 32;
			}
		}
	}

	private static long unsignedBytes(final byte[] b, final int from, final int to) {
		long s = 0;
		for (int i = from; i < to; i++)
			s += b[i] & 0xff;
		return s;
	}

	private static long signedBytes(final byte[] b, final int from, final int to) {
		long s = 0;
		for (int i = from; i < to; i++)
			s += b[i];
		return s;
	}

	private long unsignedShorts(final byte[] b, final int from, final int to) {
		long s = 0;
		for (int i = from; i < to; i += 2)
			s += (short) view.get(b, i) & 0xffff;
		return s;
	}

	private long signedShorts(final byte[] b, final int from, final int to) {
		long s = 0;
		for (int i = from; i < to; i += 2)
			s += (short) view.get(b, i);
		return s;
	}

	private long unsignedInts(final byte[] b, final int from, final int to) {
		long s = 0;
		for (int i = from; i < to; i += 4)
			s += (int) view.get(b, i) & 0xffffffffL;
		return s;
	}

	private long signedInts(final byte[] b, final int from, final int to) {
		long s = 0;
		for (int i = from; i < to; i += 4)
			s += (int) view.get(b, i);
		return s;
	}

	private double floats(final byte[] b, final int from, final int to) {
		double s = 0;
		for (int i = from; i < to; i += 4)
			s += (float) view.get(b, i);
		return s;
	}

	private double doubles(final byte[] b, final int from, final int to) {
		double s = 0;
		for (int i = from; i < to; i += 8)
			s += (double) view.get(b, i);
		return s;
	}

	private synchronized void merge(final Partial p, final long elements) {
		count += elements;
		if (p.nonFinite || nonFinite) {
			nonFinite = true;
			return;
		}
		if (type.kind() == DataType.Kind.FLOAT)
			sum = sum.add(new BigDecimal(p.floating));
		else
			sum = sum.add(new BigDecimal(BigInteger.valueOf(p.high).shiftLeft(32).add(BigInteger.valueOf(p.low))));
	}

	/** The mean, or null when there are no values or some are NaN or infinite. */
	synchronized Double mean() {
		if (count == 0 || nonFinite)
			return null;
		final double mean = sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue();
		return Double.isFinite(mean) ? mean : null;
	}
}
