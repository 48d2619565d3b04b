package org.openorganelle.fiji.codec;

import java.util.zip.Inflater;

/** zlib streams (numcodecs {@code Zlib}) through {@link java.util.zip.Inflater}. */
final class ZlibDecompressor implements Decompressor {

	private final Inflater inflater = new Inflater();

	@Override
	public void decompress(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
			final int dstLen) {
		inflater.reset();
		inflater.setInput(src, srcOff, srcLen);
		Inflation.inflateExactly(inflater, "zlib", dst, dstOff, dstLen);
	}
}
