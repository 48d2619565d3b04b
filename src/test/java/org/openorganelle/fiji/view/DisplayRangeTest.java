package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.DataType;

/** Display ranges are percentiles of the stored values, whatever the type and byte order. */
class DisplayRangeTest {

	/** -1500, -1499, …, 6000 as int16 in the given order, in a scrambled sequence. */
	private static byte[] emLikeInt16(final ByteOrder order) {
		final int count = 7501;
		final ByteBuffer buffer = ByteBuffer.allocate(count * 2).order(order);
		for (int i = 0; i < count; i++)
			buffer.putShort((short) (-1500 + (i * 3001L % count)));
		return buffer.array();
	}

	@Test
	void int16EmGetsTheRangeOfItsValuesNotOfItsType() {
		// 7501 values, sorted indices 0…7500: the 0.1st percentile is at round(7.5) = 8, the 99.9th at round(7492.5) = 7493.
		for (final String dtype : new String[] { "<i2", ">i2" }) {
			final DataType type = DataType.parse(dtype);
			final DisplayRange range = DisplayRange.of(emLikeInt16(type.order()), type);
			assertEquals(-1492, range.min(), dtype);
			assertEquals(5993, range.max(), dtype);
		}
	}

	@Test
	void unsigned64BitValuesAboveTwoToTheSixtyThreeStayPositive() {
		final ByteBuffer buffer = ByteBuffer.allocate(8 * 2).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putLong(0).putLong(-1L);
		final DisplayRange range = DisplayRange.of(buffer.array(), DataType.parse("<u8"));
		assertEquals(0, range.min());
		assertEquals(18446744073709551615.0, range.max());
	}

	@Test
	void nanAndInfinityAreIgnoredAndAConstantImageGetsAUnitRange() {
		final ByteBuffer buffer = ByteBuffer.allocate(4 * 4).order(ByteOrder.BIG_ENDIAN);
		buffer.putFloat(Float.NaN).putFloat(7.5f).putFloat(Float.POSITIVE_INFINITY).putFloat(7.5f);
		final DisplayRange range = DisplayRange.of(buffer.array(), DataType.parse(">f4"));
		assertEquals(7.5, range.min());
		assertEquals(8.5, range.max());
	}

	@Test
	void boolIsAlwaysShownFromZeroToOne() {
		for (final byte[] voxels : new byte[][] { { 0, 0, 0 }, { 1, 1 }, { 0, 1, 1, 0 }, {} }) {
			final DisplayRange range = DisplayRange.of(voxels, DataType.parse("|b1"));
			assertEquals(0, range.min());
			assertEquals(1, range.max());
		}
	}

	/** float16 1, 2, …, 2001 (exact halves up to 2048) and a NaN, big-endian: their percentiles 3 and 1999. */
	@Test
	void float16ValuesAreTheirExactValues() {
		final ByteBuffer buffer = ByteBuffer.allocate(2 * 2002).order(ByteOrder.BIG_ENDIAN);
		for (int v = 1; v <= 2001; v++)
			buffer.putShort(half(v));
		buffer.putShort((short) 0x7e00);
		final DisplayRange range = DisplayRange.of(buffer.array(), DataType.parse(">f2"));
		assertEquals(3, range.min());
		assertEquals(1999, range.max());
	}

	/** The IEEE 754 binary16 bits of an integer 1 ≤ v < 2048: exponent 15 + ⌊log2 v⌋, the bits below the leading one. */
	private static short half(final int v) {
		final int e = 31 - Integer.numberOfLeadingZeros(v);
		return (short) ((e + 15) << 10 | (v << (10 - e)) & 0x3ff);
	}

	@Test
	void uint8BeyondTheSampleLimitIsSampledEvenly() {
		final byte[] voxels = new byte[3 * DisplayRange.MAX_SAMPLES];
		for (int i = 0; i < voxels.length; i++)
			voxels[i] = (byte) (i % 256);
		final DisplayRange range = DisplayRange.of(voxels, DataType.parse("|u1"));
		assertEquals(0, range.min());
		assertEquals(255, range.max());
	}
}
