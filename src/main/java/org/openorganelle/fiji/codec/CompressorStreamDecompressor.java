package org.openorganelle.fiji.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** bzip2 and xz streams through Apache Commons Compress (pure Java); xz checks its own CRC. */
final class CompressorStreamDecompressor implements Decompressor {

	/** Opens a decoding stream over compressed bytes. */
	private interface Opener {
		InputStream open(InputStream compressed) throws IOException;
	}

	private final String codec;
	private final Opener opener;

	private CompressorStreamDecompressor(final String codec, final Opener opener) {
		this.codec = codec;
		this.opener = opener;
	}

	static Decompressor bzip2() {
		return new CompressorStreamDecompressor("bzip2", BZip2CompressorInputStream::new);
	}

	static Decompressor xz() {
		return new CompressorStreamDecompressor("xz", XZCompressorInputStream::new);
	}

	@Override
	public void decompress(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
			final int dstLen) {
		try (InputStream in = opener.open(new ByteArrayInputStream(src, srcOff, srcLen))) {
			final int n = in.readNBytes(dst, dstOff, dstLen);
			if (n != dstLen)
				throw new CodecException(codec + ": decoded " + n + " bytes, expected " + dstLen);
			if (in.read() != -1)
				throw new CodecException(codec + ": data decodes to more than the expected " + dstLen + " bytes");
		} catch (final IOException | RuntimeException e) {
			if (e instanceof CodecException)
				throw (CodecException) e;
			throw new CodecException(codec + ": corrupt or truncated data (" + e.getMessage() + ")", e);
		}
	}
}
