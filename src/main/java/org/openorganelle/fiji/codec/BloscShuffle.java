package org.openorganelle.fiji.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Undoes the two Blosc shuffle filters on one decoded block.
 * <p>
 * Both filters work on a block of {@code blockSize} bytes holding
 * {@code blockSize / typesize} whole elements; bytes after the last whole element are
 * stored as they are.
 */
final class BloscShuffle {

	private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private BloscShuffle() {}

	/**
	 * Undoes the byte shuffle: the block stores byte {@code j} of every element
	 * together, so element {@code i} byte {@code j} sits at {@code j * elements + i}.
	 */
	static void unshuffleBytes(final int typesize, final byte[] src, final int srcOff, final int blockSize,
		final byte[] dst, final int dstOff)
	{
		final int elements = blockSize / typesize;
		switch (typesize) {
			case 2:
				unshuffle2(elements, src, srcOff, dst, dstOff);
				break;
			case 4:
				unshuffle4(elements, src, srcOff, dst, dstOff);
				break;
			case 8:
				unshuffle8(elements, src, srcOff, dst, dstOff);
				break;
			default:
				unshuffleAny(typesize, elements, src, srcOff, dst, dstOff);
				break;
		}
		final int shuffled = elements * typesize;
		System.arraycopy(src, srcOff + shuffled, dst, dstOff + shuffled, blockSize - shuffled);
	}

	private static void unshuffle2(final int n, final byte[] src, final int s, final byte[] dst, final int dstOff) {
		for (int i = 0, d = dstOff; i < n; i++, d += 2) {
			dst[d] = src[s + i];
			dst[d + 1] = src[s + n + i];
		}
	}

	private static void unshuffle4(final int n, final byte[] src, final int s, final byte[] dst, final int dstOff) {
		final int s1 = s + n;
		final int s2 = s1 + n;
		final int s3 = s2 + n;
		for (int i = 0, d = dstOff; i < n; i++, d += 4) {
			dst[d] = src[s + i];
			dst[d + 1] = src[s1 + i];
			dst[d + 2] = src[s2 + i];
			dst[d + 3] = src[s3 + i];
		}
	}

	private static void unshuffle8(final int n, final byte[] src, final int s, final byte[] dst, final int dstOff) {
		final int s1 = s + n;
		final int s2 = s1 + n;
		final int s3 = s2 + n;
		final int s4 = s3 + n;
		final int s5 = s4 + n;
		final int s6 = s5 + n;
		final int s7 = s6 + n;
		for (int i = 0, d = dstOff; i < n; i++, d += 8) {
			dst[d] = src[s + i];
			dst[d + 1] = src[s1 + i];
			dst[d + 2] = src[s2 + i];
			dst[d + 3] = src[s3 + i];
			dst[d + 4] = src[s4 + i];
			dst[d + 5] = src[s5 + i];
			dst[d + 6] = src[s6 + i];
			dst[d + 7] = src[s7 + i];
		}
	}

	private static void unshuffleAny(final int typesize, final int n, final byte[] src, final int srcOff,
		final byte[] dst, final int dstOff)
	{
		for (int j = 0; j < typesize; j++) {
			final int s = srcOff + j * n;
			for (int i = 0, d = dstOff + j; i < n; i++, d += typesize) {
				dst[d] = src[s + i];
			}
		}
	}

	/**
	 * Undoes the bit shuffle of a block whose element count is a multiple of 8. The
	 * block holds {@code 8 * typesize} rows of {@code elements / 8} bytes: row
	 * {@code 8 * j + b} gathers bit {@code b} of byte {@code j} of every element,
	 * element {@code 8 * r + k} in bit {@code k} of the row's byte {@code r}.
	 * <p>
	 * The bits are first gathered into byte planes (byte {@code j} of every element
	 * together), in {@code planes} unless the type has one byte, and the planes are
	 * then byte-unshuffled into {@code dst}.
	 *
	 * @param planes scratch of at least {@code blockSize} bytes; unused for one-byte types
	 */
	static void unshuffleBits(final int typesize, final byte[] src, final int srcOff, final int blockSize,
		final byte[] dst, final int dstOff, final byte[] planes)
	{
		final int elements = blockSize / typesize;
		final int rowBytes = elements >>> 3;
		final byte[] target = typesize == 1 ? dst : planes;
		final int targetOff = typesize == 1 ? dstOff : 0;
		for (int j = 0; j < typesize; j++) {
			gatherBitPlanes(src, srcOff + 8 * j * rowBytes, rowBytes, target, targetOff + j * elements);
		}
		if (typesize > 1) {
			unshuffleBytes(typesize, planes, 0, elements * typesize, dst, dstOff);
		}
		final int shuffled = elements * typesize;
		System.arraycopy(src, srcOff + shuffled, dst, dstOff + shuffled, blockSize - shuffled);
	}

	/**
	 * Turns 8 rows of {@code rowBytes} bytes, row {@code b} holding bit {@code b} of
	 * each byte, into the {@code 8 * rowBytes} bytes at {@code out[outOff]}.
	 */
	private static void gatherBitPlanes(final byte[] src, final int rowsOff, final int rowBytes, final byte[] out,
		final int outOff)
	{
		int r = 0;
		// Eight row bytes from each of the eight rows at a time: transpose them as bytes, then each as bits.
		for (; r + 8 <= rowBytes; r += 8) {
			final int s = rowsOff + r;
			long a0 = (long) LONG_LE.get(src, s);
			long a1 = (long) LONG_LE.get(src, s + rowBytes);
			long a2 = (long) LONG_LE.get(src, s + 2 * rowBytes);
			long a3 = (long) LONG_LE.get(src, s + 3 * rowBytes);
			long a4 = (long) LONG_LE.get(src, s + 4 * rowBytes);
			long a5 = (long) LONG_LE.get(src, s + 5 * rowBytes);
			long a6 = (long) LONG_LE.get(src, s + 6 * rowBytes);
			long a7 = (long) LONG_LE.get(src, s + 7 * rowBytes);
			long t = ((a0 >>> 8) ^ a1) & 0x00FF00FF00FF00FFL;
			a1 ^= t;
			a0 ^= t << 8;
			t = ((a2 >>> 8) ^ a3) & 0x00FF00FF00FF00FFL;
			a3 ^= t;
			a2 ^= t << 8;
			t = ((a4 >>> 8) ^ a5) & 0x00FF00FF00FF00FFL;
			a5 ^= t;
			a4 ^= t << 8;
			t = ((a6 >>> 8) ^ a7) & 0x00FF00FF00FF00FFL;
			a7 ^= t;
			a6 ^= t << 8;
			t = ((a0 >>> 16) ^ a2) & 0x0000FFFF0000FFFFL;
			a2 ^= t;
			a0 ^= t << 16;
			t = ((a1 >>> 16) ^ a3) & 0x0000FFFF0000FFFFL;
			a3 ^= t;
			a1 ^= t << 16;
			t = ((a4 >>> 16) ^ a6) & 0x0000FFFF0000FFFFL;
			a6 ^= t;
			a4 ^= t << 16;
			t = ((a5 >>> 16) ^ a7) & 0x0000FFFF0000FFFFL;
			a7 ^= t;
			a5 ^= t << 16;
			t = ((a0 >>> 32) ^ a4) & 0x00000000FFFFFFFFL;
			a4 ^= t;
			a0 ^= t << 32;
			t = ((a1 >>> 32) ^ a5) & 0x00000000FFFFFFFFL;
			a5 ^= t;
			a1 ^= t << 32;
			t = ((a2 >>> 32) ^ a6) & 0x00000000FFFFFFFFL;
			a6 ^= t;
			a2 ^= t << 32;
			t = ((a3 >>> 32) ^ a7) & 0x00000000FFFFFFFFL;
			a7 ^= t;
			a3 ^= t << 32;
			final int d = outOff + 8 * r;
			LONG_LE.set(out, d, transpose8x8(a0));
			LONG_LE.set(out, d + 8, transpose8x8(a1));
			LONG_LE.set(out, d + 16, transpose8x8(a2));
			LONG_LE.set(out, d + 24, transpose8x8(a3));
			LONG_LE.set(out, d + 32, transpose8x8(a4));
			LONG_LE.set(out, d + 40, transpose8x8(a5));
			LONG_LE.set(out, d + 48, transpose8x8(a6));
			LONG_LE.set(out, d + 56, transpose8x8(a7));
		}
		for (; r < rowBytes; r++) {
			long rows = 0;
			for (int b = 0; b < 8; b++) {
				rows |= (src[rowsOff + b * rowBytes + r] & 0xffL) << (b << 3);
			}
			LONG_LE.set(out, outOff + 8 * r, transpose8x8(rows));
		}
	}

	/** Transposes the 8x8 bit matrix whose row {@code r}, column {@code c} is bit {@code 8r + c}. */
	static long transpose8x8(long x) {
		long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
		x ^= t ^ (t << 7);
		t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
		x ^= t ^ (t << 14);
		t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
		x ^= t ^ (t << 28);
		return x;
	}
}
