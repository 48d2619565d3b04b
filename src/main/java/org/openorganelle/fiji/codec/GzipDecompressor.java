package org.openorganelle.fiji.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** gzip members (numcodecs {@code GZip}); the CRC-32 of each member is verified. */
final class GzipDecompressor implements Decompressor {

	@Override
	public void decompress(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
			final int dstLen) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(src, srcOff, srcLen),
				Math.max(512, Math.min(srcLen, 1 << 16)))) {
			final int n = in.readNBytes(dst, dstOff, dstLen);
			if (n != dstLen)
				throw new CodecException("gzip: decoded " + n + " bytes, expected " + dstLen);
			if (in.read() != -1)
				throw new CodecException("gzip: data decodes to more than the expected " + dstLen + " bytes");
		} catch (final IOException e) {
			throw new CodecException("gzip: corrupt or truncated data (" + e.getMessage() + ")", e);
		}
	}
}
