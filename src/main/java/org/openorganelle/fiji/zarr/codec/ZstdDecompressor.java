package org.openorganelle.fiji.zarr.codec;

/**
 * Zstandard frames (numcodecs {@code Zstd}) through aircompressor's pure-Java decoder,
 * which also verifies the frame's content checksum when the writer stored one.
 */
final class ZstdDecompressor implements Decompressor {

	private final io.airlift.compress.zstd.ZstdDecompressor zstd = new io.airlift.compress.zstd.ZstdDecompressor();

	@Override
	public void decompress(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
			final int dstLen) {
		final int n;
		try {
			n = zstd.decompress(src, srcOff, srcLen, dst, dstOff, dstLen);
		} catch (final RuntimeException e) {
			// aircompressor reports corrupt input as MalformedInputException, but also as
			// IllegalStateException or IndexOutOfBoundsException; only this call is wrapped.
			throw new CodecException("zstd: corrupt or truncated data (" + e + ")", e);
		}
		if (n != dstLen)
			throw new CodecException("zstd: decoded " + n + " bytes, expected " + dstLen);
	}
}
