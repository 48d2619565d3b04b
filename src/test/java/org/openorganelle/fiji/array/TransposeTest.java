package org.openorganelle.fiji.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TransposeTest {

	@Test
	void reordersThreeDimensionalBlocksOfMultiByteElements() {
		final int[] shape = { 2, 3, 4 };
		final int size = 2;
		final byte[] fortran = new byte[24 * size];
		final byte[] expected = new byte[24 * size];
		for (int i = 0; i < 2; i++)
			for (int j = 0; j < 3; j++)
				for (int k = 0; k < 4; k++) {
					final int value = 100 * i + 10 * j + k;
					final int f = i + 2 * (j + 3 * k);
					final int c = (i * 3 + j) * 4 + k;
					fortran[f * size] = (byte) value;
					fortran[f * size + 1] = (byte) (value >> 8);
					expected[c * size] = (byte) value;
					expected[c * size + 1] = (byte) (value >> 8);
				}
		final byte[] c = new byte[expected.length];
		Transpose.fortranToC(fortran, c, shape, size);
		assertArrayEquals(expected, c);
	}

	@Test
	void leavesOneDimensionalBlocksUnchanged() {
		final byte[] src = { 1, 2, 3, 4, 5 };
		final byte[] dst = new byte[5];
		Transpose.fortranToC(src, dst, new int[] { 5 }, 1);
		assertArrayEquals(src, dst);
	}
}
