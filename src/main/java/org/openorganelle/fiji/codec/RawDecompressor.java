package org.openorganelle.fiji.codec;

/** The identity codec of arrays stored without compression: the stored size must match exactly. */
final class RawDecompressor implements Decompressor {

	@Override
	public void decompress(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
			final int dstLen) {
		if (srcLen != dstLen)
			throw new CodecException("uncompressed chunk has " + srcLen + " bytes, expected " + dstLen);
		System.arraycopy(src, srcOff, dst, dstOff, dstLen);
	}
}
