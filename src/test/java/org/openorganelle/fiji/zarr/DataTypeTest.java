package org.openorganelle.fiji.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
		assertEquals(ByteOrder.BIG_ENDIAN, DataType.parse(">i2").order());
		assertEquals(ByteOrder.LITTLE_ENDIAN, DataType.parse("<i2").order());
	}

	@Test
	void singleByteTypesAcceptAnyByteOrderMark() {
		assertEquals("|u1", DataType.parse("<u1").descr());
		assertEquals("|i1", DataType.parse(">i1").descr());
	}

	@ParameterizedTest
	@ValueSource(strings = { "<f2", "|b1", "<c8", "<M8", "|S10", "<U4", "|u2", "<u3", "u1", "", "<x4" })
	void rejectsUnsupportedTypesNamingThemAndTheValidOnes(final String dtype) {
		final ZarrFormatException e = assertThrows(ZarrFormatException.class, () -> DataType.parse(dtype));
		assertTrue(e.getMessage().contains("'" + dtype + "'"), e.getMessage());
		assertTrue(e.getMessage().contains("<u2"), e.getMessage());
	}
}
