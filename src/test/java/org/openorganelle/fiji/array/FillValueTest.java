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
