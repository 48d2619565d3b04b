package org.openorganelle.fiji.codec;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;

/**
 * lz4-java's block stream ({@code LZ4BlockOutputStream}, what N5's {@code lz4} compression
 * writes): blocks of {@code "LZ4Block"}, a token (method {@code 0x10} raw or {@code 0x20}
 * LZ4, then the level), compressed and decoded lengths and an XXH32 checksum (seed
 * {@code 0x9747b28c}, low 28 bits) of the decoded bytes, all little-endian; an empty block
 * ends the stream. Every checksum is verified. LZ4 blocks decode through aircompressor.
 */
final class Lz4BlockStreamDecompressor implements Decompressor {

	private static final byte[] MAGIC = { 'L', 'Z', '4', 'B', 'l', 'o', 'c', 'k' };
	private static final int HEADER = MAGIC.length + 1 + 4 + 4 + 4;
	private static final int RAW = 0x10;
	private static final int LZ4 = 0x20;
	private static final int SEED = 0x9747b28c;

	private final Lz4Decompressor lz4 = new Lz4Decompressor();

	@Override
	public void decompress(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
			final int dstLen) {
		final int end = srcOff + srcLen;
		int at = srcOff;
		int done = 0;
		while (true) {
			if (end - at < HEADER)
				throw new CodecException("lz4: truncated data after " + done + " of " + dstLen + " bytes");
			for (int i = 0; i < MAGIC.length; i++)
				if (src[at + i] != MAGIC[i])
					throw new CodecException("lz4: no LZ4Block header at byte " + (at - srcOff));
			final int method = src[at + MAGIC.length] & 0xf0;
			final int compressed = XxHash32.intLE(src, at + MAGIC.length + 1);
			final int decoded = XxHash32.intLE(src, at + MAGIC.length + 5);
			final int checksum = XxHash32.intLE(src, at + MAGIC.length + 9);
			at += HEADER;
			if (decoded == 0 && compressed == 0)
				break;
			if (method != RAW && method != LZ4 || compressed < 0 || decoded < 0 || compressed > end - at
					|| method == RAW && compressed != decoded)
				throw new CodecException("lz4: corrupt block header at byte " + (at - HEADER - srcOff));
			if (decoded > dstLen - done)
				throw new CodecException("lz4: data decodes to more than the expected " + dstLen + " bytes");
			if (method == RAW)
				System.arraycopy(src, at, dst, dstOff + done, decoded);
			else
				inflate(src, at, compressed, dst, dstOff + done, decoded);
			if ((XxHash32.hash(dst, dstOff + done, decoded, SEED) & 0xFFFFFFF) != checksum)
				throw new CodecException("lz4: checksum mismatch in the block at byte " + (at - HEADER - srcOff));
			at += compressed;
			done += decoded;
		}
		if (done != dstLen)
			throw new CodecException("lz4: decoded " + done + " bytes, expected " + dstLen);
	}

	private void inflate(final byte[] src, final int at, final int length, final byte[] dst, final int dstAt,
			final int expected) {
		final int n;
		try {
			n = lz4.decompress(src, at, length, dst, dstAt, expected);
		} catch (final MalformedInputException | IndexOutOfBoundsException e) {
			throw new CodecException("lz4: corrupt data (" + e.getMessage() + ")", e);
		}
		if (n != expected)
			throw new CodecException("lz4: a block decoded to " + n + " bytes, its header says " + expected);
	}
}
