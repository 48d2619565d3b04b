package org.openorganelle.fiji.zarr.codec;

import io.airlift.compress.MalformedInputException;

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
		} catch (final MalformedInputException | IndexOutOfBoundsException e) {
			throw new CodecException("zstd: corrupt or truncated data (" + e.getMessage() + ")", e);
		}
		if (n != dstLen)
			throw new CodecException("zstd: decoded " + n + " bytes, expected " + dstLen);
	}
}
