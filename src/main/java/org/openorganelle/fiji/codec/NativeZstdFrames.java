package org.openorganelle.fiji.codec;

import com.github.luben.zstd.Zstd;

/**
 * Zstandard frames through zstd-jni's bundled libzstd (Linux, macOS and Windows on x86_64
 * and aarch64; the version Fiji ships). Only used after {@link ZstdDecoders} saw the native
 * library load and decode; each call uses a fresh decompression context, so nothing native
 * outlives it.
 */
final class NativeZstdFrames implements ZstdFrames {

	@Override
	public int decode(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
			final int dstLen) {
		final long n;
		try {
			n = Zstd.decompressByteArray(dst, dstOff, dstLen, src, srcOff, srcLen);
		} catch (final RuntimeException e) {
			throw new CodecException("zstd: corrupt or truncated data (" + e.getMessage() + ")", e);
		}
		if (Zstd.isError(n))
			throw new CodecException("zstd: corrupt or truncated data (" + Zstd.getErrorName(n) + ")");
		return (int) n;
	}
}
