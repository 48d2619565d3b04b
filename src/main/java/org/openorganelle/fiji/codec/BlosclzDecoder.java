package org.openorganelle.fiji.codec;

import java.util.Arrays;

/**
 * Decodes one BloscLZ stream, the LZ77 format (derived from FastLZ level 2) that
 * c-blosc 1.x uses for its default {@code blosclz} compressor.
 * <p>
 * A stream is a sequence of tokens, each starting with a control byte:
 * <ul>
 * <li>below 32: a literal run of {@code ctrl + 1} bytes follows. The first control
 * byte of a stream is always a literal run; only its low 5 bits count.</li>
 * <li>32 or more: a match. Bits 5-7 give the length: {@code (ctrl >> 5) - 1}, where 6
 * means that length bytes follow and are added while they are 255. A distance byte
 * follows; the match copies {@code length + 3} bytes from
 * {@code ((ctrl & 31) << 8) + distanceByte + 1} bytes back. When the high distance
 * bits are all set and the distance byte is 255, two more bytes (big-endian) give a
 * far distance, counted from 8192.</li>
 * </ul>
 * The stream ends with its input. Matches may overlap their own output.
 */
final class BlosclzDecoder {

	/** Farthest distance a short match can reach; far matches start after it. */
	private static final int MAX_NEAR_DISTANCE = 8191;

	/** The high distance bits and distance byte that announce a far match. */
	private static final int FAR_MARKER_HIGH = 31 << 8;
	private static final int FAR_MARKER_LOW = 255;

	private BlosclzDecoder() {}

	/**
	 * Decodes {@code in[inOff, inOff+inLen)} into {@code out}, starting at
	 * {@code outOff} and writing at most {@code outLen} bytes.
	 *
	 * @return the number of bytes written
	 * @throws CodecException when the stream is corrupt; the message describes what is
	 *         wrong and is meant to be completed by the caller with the stream's place
	 */
	static int decode(final byte[] in, final int inOff, final int inLen, final byte[] out, final int outOff,
		final int outLen)
	{
		if (inLen == 0) {
			return 0;
		}
		final int inEnd = inOff + inLen;
		final int outEnd = outOff + outLen;
		int ip = inOff;
		int op = outOff;
		int ctrl = in[ip++] & 31;
		while (true) {
			if (ctrl < 32) {
				final int run = ctrl + 1;
				if (run > inEnd - ip) {
					throw new CodecException("literal run of " + run + " bytes at input offset " + (ip - inOff) +
						" runs past the end of the input");
				}
				if (run > outEnd - op) {
					throw new CodecException("literal run of " + run + " bytes overflows the " + outLen +
						"-byte output");
				}
				System.arraycopy(in, ip, out, op, run);
				ip += run;
				op += run;
			}
			else {
				int length = (ctrl >>> 5) - 1;
				int distance = (ctrl & 31) << 8;
				if (length == 6) {
					int lengthByte;
					do {
						if (ip >= inEnd) {
							throw new CodecException("match length runs past the end of the input");
						}
						lengthByte = in[ip++] & 0xff;
						length += lengthByte;
						if (length > outLen) {
							throw new CodecException("match length exceeds the " + outLen + "-byte output");
						}
					}
					while (lengthByte == 255);
				}
				if (ip >= inEnd) {
					throw new CodecException("match distance runs past the end of the input");
				}
				final int distanceByte = in[ip++] & 0xff;
				length += 3;
				if (distanceByte == FAR_MARKER_LOW && distance == FAR_MARKER_HIGH) {
					if (inEnd - ip < 2) {
						throw new CodecException("far match distance runs past the end of the input");
					}
					distance = ((in[ip] & 0xff) << 8 | (in[ip + 1] & 0xff)) + MAX_NEAR_DISTANCE + 1;
					ip += 2;
				}
				else {
					distance += distanceByte + 1;
				}
				if (distance > op - outOff) {
					throw new CodecException("match distance " + distance + " at output offset " + (op - outOff) +
						" reaches before the start of the output");
				}
				if (length > outEnd - op) {
					throw new CodecException("match of " + length + " bytes overflows the " + outLen + "-byte output");
				}
				copyMatch(out, op, distance, length);
				op += length;
			}
			if (ip >= inEnd) {
				return op - outOff;
			}
			ctrl = in[ip++] & 0xff;
		}
	}

	/** Copies {@code length} bytes from {@code distance} bytes back, which may overlap. */
	private static void copyMatch(final byte[] buffer, final int op, final int distance, final int length) {
		final int from = op - distance;
		if (distance >= length) {
			System.arraycopy(buffer, from, buffer, op, length);
		}
		else if (distance == 1) {
			Arrays.fill(buffer, op, op + length, buffer[from]);
		}
		else {
			// The copied bytes repeat with period `distance`: copy whole periods, doubling each time.
			final int end = op + length;
			int pos = op;
			while (pos < end) {
				final int chunk = Math.min(pos - from, end - pos);
				System.arraycopy(buffer, from, buffer, pos, chunk);
				pos += chunk;
			}
		}
	}
}
