package org.openorganelle.fiji.n5;

/** Copies big-endian elements into little-endian order. */
final class BigEndian {

	private BigEndian() {
	}

	/** Copies {@code count} elements of {@code size} bytes, reversing the bytes of each. */
	static void toLittle(final byte[] src, final int srcAt, final byte[] dst, final int dstAt, final int count,
			final int size) {
		if (size == 1) {
			System.arraycopy(src, srcAt, dst, dstAt, count);
			return;
		}
		final int end = srcAt + count * size;
		for (int s = srcAt, d = dstAt; s < end; s += size, d += size)
			for (int b = 0; b < size; b++)
				dst[d + b] = src[s + size - 1 - b];
	}
}
