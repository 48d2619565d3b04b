package org.openorganelle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HumanReadableTest {

	@Test
	void formatsTheSizesOfMusNacc2Levels() {
		assertEquals("7.38 GB", HumanReadable.bytes(7_379_285_760L));
		assertEquals("922 MB", HumanReadable.bytes(922_410_720L));
		assertEquals("14.3 MB", HumanReadable.bytes(14_288_400L));
		assertEquals("1.78 MB", HumanReadable.bytes(1_780_380L));
		assertEquals("360 B", HumanReadable.bytes(360));
		assertEquals("1.00 kB", HumanReadable.bytes(1000));
		assertEquals("1.00 MB", HumanReadable.bytes(999_999));
		assertEquals("25.0 TB", HumanReadable.bytes(25_000_000_000_000L));
	}

	@Test
	void formatsLimitsInBinaryUnits() {
		assertEquals("4 GiB", HumanReadable.binaryBytes(4L << 30));
		assertEquals("100 KiB", HumanReadable.binaryBytes(100 << 10));
		assertEquals("1.5 GiB", HumanReadable.binaryBytes(3L << 29));
		assertEquals("512 B", HumanReadable.binaryBytes(512));
	}

	@Test
	void formatsShapesAndLengths() {
		assertEquals("564×2520×2596", HumanReadable.shape(new long[] { 564, 2520, 2596 }));
		assertEquals("2.96×4×4", HumanReadable.lengths(new double[] { 2.96, 4.0, 4.0 }));
		assertEquals("757.76", HumanReadable.number(757.7599999999999));
	}
}
