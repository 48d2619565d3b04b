package org.openorganelle.fiji.codec;

/**
 * Zstandard frames (numcodecs {@code Zstd}), natively where zstd-jni loads and in pure Java
 * elsewhere ({@link ZstdDecoders}); both verify the frame's content checksum when the writer
 * stored one.
 */
final class ZstdDecompressor implements Decompressor {

	private final ZstdFrames zstd = ZstdDecoders.create();

	@Override
	public void decompress(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
			final int dstLen) {
		final int n = zstd.decode(src, srcOff, srcLen, dst, dstOff, dstLen);
		if (n != dstLen)
			throw new CodecException("zstd: decoded " + n + " bytes, expected " + dstLen);
	}
}
