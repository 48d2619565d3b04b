package org.openorganelle.fiji.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class FillValueTest {

	private static FillValue parse(final String json, final String dtype) throws Exception {
		final JsonNode node = Json.mapper().readTree(json);
		return FillValue.parse(node, DataType.parse(dtype));
	}

	@Test
	void encodesUint64AboveTwoToThe63() throws Exception {
		final byte[] e = parse("18446744073709551615", "<u8").element();
		assertArrayEquals(new byte[] { -1, -1, -1, -1, -1, -1, -1, -1 }, e);
		final long v = ByteBuffer.wrap(parse("9223372036854775813", ">u8").element()).getLong();
		assertEquals("9223372036854775813", Long.toUnsignedString(v));
	}

	@Test
	void encodesNegativeIntegersInTheArrayByteOrder() throws Exception {
		assertArrayEquals(new byte[] { -7, -1 }, parse("-7", "<i2").element());
		assertArrayEquals(new byte[] { -1, -7 }, parse("-7", ">i2").element());
	}

	@Test
	void encodesNanAndInfinities() throws Exception {
		final float nan = ByteBuffer.wrap(parse("\"NaN\"", "<f4").element()).order(ByteOrder.LITTLE_ENDIAN).getFloat();
		assertTrue(Float.isNaN(nan));
		final double inf = ByteBuffer.wrap(parse("\"-Infinity\"", ">f8").element()).getDouble();
		assertEquals(Double.NEGATIVE_INFINITY, inf);
		assertEquals(0.5, ByteBuffer.wrap(parse("0.5", ">f8").element()).getDouble());
	}

	@Test
	void boolFillValuesAreJsonBooleans() throws Exception {
		assertArrayEquals(new byte[] { 1 }, parse("true", "|b1").element());
		assertArrayEquals(new byte[] { 0 }, parse("false", "|b1").element());
		assertEquals("true", parse("true", "|b1").toString());
		assertTrue(parse("null", "|b1").isZero());
		for (final String notBoolean : new String[] { "1", "0", "\"true\"", "0.0" }) {
			final FormatException e = assertThrows(FormatException.class, () -> parse(notBoolean, "|b1"));
			assertTrue(e.getMessage().contains("bool"), e.getMessage());
		}
	}

	/** Expected bits from numpy: {@code hex(np.float16(x).view(np.uint16))}. */
	@Test
	void float16FillValuesRoundToTheNearestHalfAsNumpyDoes() throws Exception {
		final String[][] cases = { { "1.5", "3e00" }, { "-2", "c000" }, { "0.1", "2e66" }, { "65519", "7bff" },
				{ "65520", "7c00" }, { "1.00048828125", "3c00" }, { "1.00146484375", "3c02" },
				{ "2.9802322387695312e-08", "0000" }, { "4.470348358154297e-08", "0001" }, { "\"NaN\"", "7e00" },
				{ "\"Infinity\"", "7c00" }, { "\"-Infinity\"", "fc00" } };
		for (final String[] c : cases) {
			final short expected = (short) Integer.parseInt(c[1], 16);
			assertEquals(expected, ByteBuffer.wrap(parse(c[0], "<f2").element()).order(ByteOrder.LITTLE_ENDIAN)
					.getShort(), c[0]);
			assertEquals(expected, ByteBuffer.wrap(parse(c[0], ">f2").element()).getShort(), c[0]);
		}
	}

	@Test
	void hexBitPatternsAreKeptBitForBit() {
		assertArrayEquals(new byte[] { 0x00, 0x7e }, FillValue.ofBits("0x7e00", DataType.parse("<f2")).element());
		assertArrayEquals(new byte[] { 0x7c, 0x01 }, FillValue.ofBits("0x7c01", DataType.parse(">f2")).element(),
				"a signalling NaN stays one");
		assertArrayEquals(new byte[] { 0x01, 0x00, (byte) 0xc0, 0x7f }, FillValue.ofBits("0x7fc00001", DataType
				.parse("<f4")).element());
		assertArrayEquals(new byte[] { 1 }, FillValue.ofBits("0x01", DataType.parse("|b1")).element());
		assertArrayEquals(new byte[] { -1 }, FillValue.ofBits("0xff", DataType.parse("|i1")).element());
		assertEquals("0x7e00", FillValue.ofBits("0x7e00", DataType.parse("<f2")).toString());
		for (final String[] c : new String[][] { { "0x10000", "<f2" }, { "0x2", "|b1" }, { "0x", "<f4" },
				{ "0xzz", "|u1" }, { "7e00", "<f2" }, { "0x-1", "<f8" } }) {
			final FormatException e = assertThrows(FormatException.class, () -> FillValue.ofBits(c[0], DataType
					.parse(c[1])));
			assertTrue(e.getMessage().contains("\"" + c[0] + "\"") && e.getMessage().contains(DataType.parse(c[1])
					.numpyName()), e.getMessage());
		}
	}

	@Test
	void nullMeansZero() throws Exception {
		assertTrue(parse("null", "<u4").isZero());
	}

	@Test
	void rejectsValuesOutsideTheTypeNamingThem() throws Exception {
		for (final String[] c : new String[][] { { "256", "|u1" }, { "-1", "<u2" }, { "32768", "<i2" },
				{ "18446744073709551616", "<u8" }, { "1.5", "<i4" }, { "\"abc\"", "<f4" }, { "\"7\"", "<u1" } }) {
			final FormatException e = assertThrows(FormatException.class, () -> parse(c[0], c[1]));
			assertTrue(e.getMessage().contains(DataType.parse(c[1]).numpyName()), e.getMessage());
		}
	}

	@Test
	void fillsBuffersWithRepeatedElements() throws Exception {
		final FillValue f = parse("-2", "<i2");
		final byte[] dst = new byte[14];
		f.fill(dst, 2, 10);
		assertArrayEquals(new byte[] { 0, 0, -2, -1, -2, -1, -2, -1, -2, -1, -2, -1, 0, 0 }, dst);
	}
}
