package org.openorganelle.fiji.codec;

/** Zstandard frames through aircompressor's pure-Java decoder: runs everywhere. */
final class PureJavaZstdFrames implements ZstdFrames {

	private final io.airlift.compress.zstd.ZstdDecompressor zstd = new io.airlift.compress.zstd.ZstdDecompressor();

	@Override
	public int decode(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
			final int dstLen) {
		try {
			return zstd.decompress(src, srcOff, srcLen, dst, dstOff, dstLen);
		} catch (final RuntimeException e) {
			// aircompressor reports corrupt input as MalformedInputException, but also as
			// IllegalStateException or IndexOutOfBoundsException; only this call is wrapped.
			throw new CodecException("zstd: corrupt or truncated data (" + e + ")", e);
		}
	}
}
