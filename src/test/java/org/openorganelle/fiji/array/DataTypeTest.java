package org.openorganelle.fiji.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataTypeTest {

	@Test
	void parsesEverySupportedTypeAndRendersItBack() {
		for (final String dtype : DataType.SUPPORTED) {
			final DataType t = DataType.parse(dtype);
			assertEquals(dtype, t.descr());
			assertEquals(dtype.charAt(2) - '0', t.size());
		}
	}

	@Test
	void namesTypesAsNumpyDoes() {
		assertEquals("uint8", DataType.parse("|u1").numpyName());
		assertEquals("int16", DataType.parse("<i2").numpyName());
		assertEquals("uint64", DataType.parse(">u8").numpyName());
		assertEquals("float32", DataType.parse("<f4").numpyName());
		assertEquals("float16", DataType.parse(">f2").numpyName());
		assertEquals("bool", DataType.parse("|b1").numpyName());
		assertEquals(DataType.Kind.BOOL, DataType.parse("|b1").kind());
		assertEquals(ByteOrder.BIG_ENDIAN, DataType.parse(">i2").order());
		assertEquals(ByteOrder.LITTLE_ENDIAN, DataType.parse("<i2").order());
	}

	@Test
	void singleByteTypesAcceptAnyByteOrderMark() {
		assertEquals("|u1", DataType.parse("<u1").descr());
		assertEquals("|i1", DataType.parse(">i1").descr());
		assertEquals("|b1", DataType.parse("<b1").descr());
	}

	@ParameterizedTest
	@ValueSource(strings = { "<f1", "|f2", "<b2", "|b8", "<c8", "<M8", "|S10", "<U4", "|u2", "<u3", "u1", "", "<x4" })
	void rejectsUnsupportedTypesNamingThemAndTheValidOnes(final String dtype) {
		final FormatException e = assertThrows(FormatException.class, () -> DataType.parse(dtype));
		assertTrue(e.getMessage().contains("'" + dtype + "'"), e.getMessage());
		assertTrue(e.getMessage().contains("<u2"), e.getMessage());
	}

	@Test
	void elementsAreReadWithTheirSignednessSizeAndByteOrder() {
		final ByteBuffer ff = ByteBuffer.wrap(new byte[] { -1, -1, -1, -1, -1, -1, -1, -1 });
		assertEquals(-1, DataType.parse("|i1").longAt(ff, 0));
		assertEquals(255, DataType.parse("|u1").longAt(ff, 0));
		assertEquals(65535, DataType.parse(">u2").longAt(ff.order(ByteOrder.BIG_ENDIAN), 0));
		assertEquals(4294967295L, DataType.parse("<u4").doubleAt(ff.order(ByteOrder.LITTLE_ENDIAN), 0));
		assertEquals(-1, DataType.parse("<u8").longAt(ff, 0), "uint64 as its bits");
		assertEquals(18446744073709551615.0, DataType.parse("<u8").doubleAt(ff, 0), "uint64 stays positive");
		final ByteBuffer big = ByteBuffer.allocate(8).putShort((short) 0x0102).putFloat(2, 1.5f);
		assertEquals(0x0102, DataType.parse(">i2").longAt(big, 0));
		assertEquals(0x0201, DataType.parse("<i2").longAt(big.order(ByteOrder.LITTLE_ENDIAN), 0));
		assertEquals(1.5, DataType.parse(">f4").doubleAt(big.order(ByteOrder.BIG_ENDIAN), 2));
	}

	@Test
	void boolElementsAreZeroOrOneAsNumpyReadsAnyNonZeroByte() {
		final ByteBuffer bytes = ByteBuffer.wrap(new byte[] { 0, 1, 2, -1 });
		final DataType bool = DataType.parse("|b1");
		final long[] expected = { 0, 1, 1, 1 };
		for (int i = 0; i < expected.length; i++) {
			assertEquals(expected[i], bool.longAt(bytes, i), "byte " + bytes.get(i));
			assertEquals(expected[i], bool.doubleAt(bytes, i), "byte " + bytes.get(i));
		}
	}

	/** IEEE 754 binary16: 0x3c00 is 1, 0xc000 −2, 0x3555 0.333251953125, 0x0001 2^-24, 0x7bff 65504. */
	@Test
	void float16ElementsAreTheirExactValuesInEitherByteOrder() {
		final short[] bits = { 0x3c00, (short) 0xc000, 0x3555, 0x0001, 0x7bff, 0x7c00, (short) 0xfc00 };
		final double[] values = { 1, -2, 0.333251953125, 0x1p-24, 65504, Double.POSITIVE_INFINITY,
				Double.NEGATIVE_INFINITY };
		for (final ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			final ByteBuffer buffer = ByteBuffer.allocate(2 * bits.length).order(order);
			for (final short b : bits)
				buffer.putShort(b);
			final DataType type = DataType.parse(order == ByteOrder.BIG_ENDIAN ? ">f2" : "<f2");
			for (int i = 0; i < bits.length; i++)
				assertEquals(values[i], type.doubleAt(buffer, 2 * i), type + " 0x" + Integer.toHexString(bits[i]
						& 0xffff));
		}
		assertTrue(Double.isNaN(DataType.parse("<f2").doubleAt(ByteBuffer.wrap(new byte[] { 0, 0x7e }).order(
				ByteOrder.LITTLE_ENDIAN), 0)));
	}
}
