package org.openorganelle.fiji.codec;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Runs an {@link Inflater} to the end of its stream, which must hold exactly the expected bytes. */
final class Inflation {

	private Inflation() {
	}

	static void inflateExactly(final Inflater inflater, final String codec, final byte[] dst, final int dstOff,
			final int dstLen) {
		int done = 0;
		try {
			while (done < dstLen && !inflater.finished()) {
				final int n = inflater.inflate(dst, dstOff + done, dstLen - done);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary()))
					throw new CodecException(codec + ": truncated data after " + done + " of " + dstLen + " bytes");
				done += n;
			}
			if (done == dstLen && !inflater.finished()) {
				if (inflater.inflate(new byte[1]) > 0)
					throw new CodecException(codec + ": data decodes to more than the expected " + dstLen + " bytes");
				if (!inflater.finished())
					throw new CodecException(codec + ": truncated data (stream end missing)");
			}
		} catch (final DataFormatException e) {
			throw new CodecException(codec + ": corrupt data (" + e.getMessage() + ")", e);
		}
		if (done != dstLen)
			throw new CodecException(codec + ": decoded " + done + " bytes, expected " + dstLen);
	}
}
