package org.openorganelle.fiji.codec;

/**
 * The 16-byte header that starts every Blosc-1 frame, read and checked against the
 * input it came from. All multi-byte fields are little-endian:
 *
 * <pre>
 * 0 version | 1 versionlz | 2 flags | 3 typesize | 4-7 nbytes | 8-11 blocksize | 12-15 cbytes
 * </pre>
 *
 * {@code cbytes} counts the whole frame, header included; {@code nbytes} is the
 * decoded size. The top three flag bits name the compressor.
 */
final class BloscHeader {

	/** Size of the header in bytes. */
	static final int SIZE = 16;

	static final int FLAG_BYTE_SHUFFLE = 0x01;
	static final int FLAG_MEMCPYED = 0x02;
	static final int FLAG_BIT_SHUFFLE = 0x04;
	static final int FLAG_RESERVED = 0x08;
	static final int FLAG_NOT_SPLIT = 0x10;

	static final int BLOSCLZ = 0;
	static final int LZ4 = 1;
	static final int SNAPPY = 2;
	static final int ZLIB = 3;
	static final int ZSTD = 4;

	private static final String[] COMPRESSOR_NAMES = { "blosclz", "lz4", "snappy", "zlib", "zstd" };

	/** The frame format version c-blosc 1.x writes; version 1 frames share the layout. */
	private static final int MAX_FORMAT_VERSION = 2;

	/** The format version every c-blosc 1.x compressor writes into {@code versionlz}. */
	private static final int COMPRESSOR_FORMAT_VERSION = 1;

	final int flags;
	final int typesize;
	final int nbytes;
	final int blocksize;
	final int cbytes;

	private BloscHeader(final byte[] src, final int off) {
		flags = src[off + 2] & 0xff;
		typesize = src[off + 3] & 0xff;
		nbytes = readIntLE(src, off + 4);
		blocksize = readIntLE(src, off + 8);
		cbytes = readIntLE(src, off + 12);
	}

	/**
	 * Reads and checks the header at {@code src[off]}, for a frame given as
	 * {@code srcLen} bytes that must decode to {@code expectedSize} bytes.
	 *
	 * @throws CodecException when the header is truncated, unsupported or inconsistent
	 */
	static BloscHeader read(final byte[] src, final int off, final int srcLen, final int expectedSize) {
		if (srcLen < SIZE) {
			throw new CodecException("blosc: truncated header: the input has " + srcLen + " bytes, a Blosc header needs " +
				SIZE);
		}
		final int version = src[off] & 0xff;
		if (version == 0 || version > MAX_FORMAT_VERSION) {
			throw new CodecException("blosc: unsupported format version " + version +
				" (this reader handles Blosc-1 frames, versions 1 and 2)");
		}
		final BloscHeader header = new BloscHeader(src, off);
		header.checkSizes(srcLen, expectedSize);
		header.checkFlags();
		final int compressorVersion = src[off + 1] & 0xff;
		if (!header.memcpyed() && compressorVersion != COMPRESSOR_FORMAT_VERSION) {
			throw new CodecException("blosc: unsupported " + header.compressorName() + " format version " +
				compressorVersion + " (versionlz), expected " + COMPRESSOR_FORMAT_VERSION);
		}
		return header;
	}

	private void checkSizes(final int srcLen, final int expectedSize) {
		if (cbytes < SIZE) {
			throw new CodecException("blosc: header cbytes " + cbytes + " is smaller than the " + SIZE + "-byte header");
		}
		if (cbytes > srcLen) {
			throw new CodecException("blosc: header cbytes " + cbytes + " is larger than the " + srcLen +
				"-byte input (truncated frame?)");
		}
		if (nbytes != expectedSize) {
			throw new CodecException("blosc: header nbytes " + nbytes + " does not match the expected decoded size " +
				expectedSize);
		}
		if (memcpyed() && cbytes != (long) nbytes + SIZE) {
			throw new CodecException("blosc: memcpyed frame has cbytes " + cbytes + ", expected nbytes + " + SIZE +
				" = " + ((long) nbytes + SIZE));
		}
		if (!memcpyed() && nbytes > 0 && blocksize <= 0) {
			throw new CodecException("blosc: invalid block size " + blocksize);
		}
	}

	private void checkFlags() {
		if ((flags & FLAG_RESERVED) != 0) {
			throw new CodecException("blosc: reserved header flag 0x08 is set (flags 0x" + Integer.toHexString(flags) + ")");
		}
		if (compressor() >= COMPRESSOR_NAMES.length) {
			throw new CodecException("blosc: unknown compressor code " + compressor() + " (flags 0x" +
				Integer.toHexString(flags) + ")");
		}
		if (memcpyed()) {
			return;
		}
		if ((flags & FLAG_BYTE_SHUFFLE) != 0 && (flags & FLAG_BIT_SHUFFLE) != 0) {
			throw new CodecException("blosc: both byte- and bit-shuffle flags are set (flags 0x" +
				Integer.toHexString(flags) + "), which Blosc-1 never writes");
		}
		if (typesize == 0) {
			throw new CodecException("blosc: typesize 0 in a compressed frame");
		}
	}

	/** Whether the data after the header is stored as it is, without blocks. */
	boolean memcpyed() {
		return (flags & FLAG_MEMCPYED) != 0;
	}

	/** Whether full blocks are split into one stream per byte of the type. */
	boolean split() {
		return (flags & FLAG_NOT_SPLIT) == 0;
	}

	/** Whether byte shuffle was applied; it changes nothing for one-byte types. */
	boolean byteShuffled() {
		return (flags & FLAG_BYTE_SHUFFLE) != 0 && typesize > 1;
	}

	boolean bitShuffled() {
		return (flags & FLAG_BIT_SHUFFLE) != 0;
	}

	/** The compressor code, one of {@link #BLOSCLZ} to {@link #ZSTD} once the header is checked. */
	int compressor() {
		return flags >>> 5;
	}

	String compressorName() {
		return COMPRESSOR_NAMES[compressor()];
	}

	static int readIntLE(final byte[] src, final int off) {
		return (src[off] & 0xff) | (src[off + 1] & 0xff) << 8 | (src[off + 2] & 0xff) << 16 | src[off + 3] << 24;
	}
}
