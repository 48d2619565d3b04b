package org.openorganelle.fiji.codec;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;

import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes Blosc-1 frames, as written by c-blosc 1.x and so by the numcodecs
 * {@code Blosc} codec of zarr-python, in pure Java.
 * <p>
 * A frame is a 16-byte header ({@link BloscHeader}) followed, unless the data is
 * stored as it is ("memcpyed"), by a table of little-endian {@code int32} block
 * offsets and the blocks. The decoded data is cut into blocks of {@code blocksize}
 * bytes; the last one may be shorter. A full block is split into one stream per byte
 * of the type unless the header says it is not split; a short last block is never
 * split. Each stream is an {@code int32} compressed size and that many bytes, stored
 * as they are when the size equals the stream's decoded size. After decoding, a
 * block's byte or bit shuffle is undone; c-blosc 1.x bit-shuffles only blocks whose
 * element count is a multiple of 8 and stores other blocks unshuffled.
 * <p>
 * Supported compressors: blosclz ({@link BlosclzDecoder}), lz4 and lz4hc, snappy
 * (aircompressor), zstd ({@link ZstdDecoders}: native where it loads, else aircompressor)
 * and zlib ({@link Inflater}). Every malformed frame ends in a {@link CodecException} whose
 * message starts with {@code blosc:}.
 * <p>
 * An instance keeps its codec objects and scratch buffers between calls and must be
 * used by one thread at a time.
 */
public final class BloscDecompressor implements Decompressor {

	private Lz4Decompressor lz4;
	private SnappyDecompressor snappy;
	private ZstdFrames zstd;
	private Inflater inflater;

	/** One byte of room to notice a zlib stream that decodes to more than expected. */
	private final byte[] overflowProbe = new byte[1];

	/** Holds a decoded block while its shuffle is undone. */
	private byte[] shuffled = new byte[0];

	/** Holds a bit-shuffled block's byte planes on their way back to elements. */
	private byte[] bitPlanes = new byte[0];

	/** Creates a decompressor; codec objects are made on first use and then reused. */
	public BloscDecompressor() {}

	@Override
	public void decompress(final byte[] src, final int srcOff, final int srcLen, final byte[] dst, final int dstOff,
		final int dstLen)
	{
		Objects.checkFromIndexSize(srcOff, srcLen, src.length);
		Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
		final BloscHeader header = BloscHeader.read(src, srcOff, srcLen, dstLen);
		if (header.memcpyed()) {
			System.arraycopy(src, srcOff + BloscHeader.SIZE, dst, dstOff, dstLen);
			return;
		}
		if (header.nbytes == 0) {
			return;
		}
		final int blocksize = header.blocksize;
		final int blocks = (int) (((long) header.nbytes + blocksize - 1) / blocksize);
		final long dataStart = BloscHeader.SIZE + 4L * blocks;
		if (dataStart > header.cbytes) {
			throw new CodecException("blosc: the offset table of " + blocks + " blocks runs past the end of the " +
				header.cbytes + "-byte frame");
		}
		for (int block = 0; block < blocks; block++) {
			final int start = BloscHeader.readIntLE(src, srcOff + BloscHeader.SIZE + 4 * block);
			if (start < dataStart || start >= header.cbytes) {
				throw new CodecException("blosc: block " + block + " offset " + start + " lies outside the data area [" +
					dataStart + ", " + header.cbytes + ") of the frame");
			}
			final int decodedStart = block * blocksize;
			final int size = Math.min(blocksize, header.nbytes - decodedStart);
			decodeBlock(header, src, srcOff, start, block, size, dst, dstOff + decodedStart);
		}
	}

	/**
	 * Decodes block number {@code block}, whose streams start at frame offset
	 * {@code start}, into its {@code size} bytes at {@code dst[dstOff]}.
	 */
	private void decodeBlock(final BloscHeader header, final byte[] src, final int srcOff, final int start,
		final int block, final int size, final byte[] dst, final int dstOff)
	{
		final int typesize = header.typesize;
		final boolean leftover = size < header.blocksize;
		final int streams = header.split() && !leftover ? typesize : 1;
		if (size % streams != 0) {
			throw new CodecException("blosc: block " + block + " of " + size + " bytes cannot be split into " + streams +
				" streams");
		}
		final int streamSize = size / streams;
		final boolean byteShuffled = header.byteShuffled();
		// c-blosc 1.x bit-shuffles only blocks of a multiple of 8 elements and stores others as they are.
		final int elements = size / typesize;
		final boolean bitShuffled = header.bitShuffled() && elements > 0 && elements % 8 == 0;
		final byte[] target;
		final int targetOff;
		if (byteShuffled || bitShuffled) {
			if (shuffled.length < size) {
				shuffled = new byte[Math.min(header.blocksize, header.nbytes)];
			}
			if (bitShuffled && typesize > 1 && bitPlanes.length < size) {
				bitPlanes = new byte[Math.min(header.blocksize, header.nbytes)];
			}
			target = shuffled;
			targetOff = 0;
		}
		else {
			target = dst;
			targetOff = dstOff;
		}
		final int frameEnd = srcOff + header.cbytes;
		int pos = srcOff + start;
		for (int stream = 0; stream < streams; stream++) {
			if (pos > frameEnd - 4) {
				throw new CodecException("blosc: the size of stream " + stream + " of block " + block +
					" lies past the end of the frame");
			}
			final int compressedSize = BloscHeader.readIntLE(src, pos);
			pos += 4;
			if (compressedSize < 0 || compressedSize > frameEnd - pos) {
				throw new CodecException("blosc: stream " + stream + " of block " + block + " has compressed size " +
					compressedSize + ", but only " + (frameEnd - pos) + " bytes of the frame are left");
			}
			final int streamOff = targetOff + stream * streamSize;
			if (compressedSize == streamSize) {
				System.arraycopy(src, pos, target, streamOff, streamSize);
			}
			else {
				decodeStream(header, src, pos, compressedSize, target, streamOff, streamSize, block, stream);
			}
			pos += compressedSize;
		}
		if (byteShuffled) {
			BloscShuffle.unshuffleBytes(typesize, target, 0, size, dst, dstOff);
		}
		else if (bitShuffled) {
			BloscShuffle.unshuffleBits(typesize, target, 0, size, dst, dstOff, bitPlanes);
		}
	}

	private void decodeStream(final BloscHeader header, final byte[] src, final int off, final int len,
		final byte[] out, final int outOff, final int outLen, final int block, final int stream)
	{
		final int produced;
		try {
			produced = runCompressor(header.compressor(), src, off, len, out, outOff, outLen);
		}
		catch (final CodecException | DataFormatException e) {
			throw new CodecException("blosc: " + header.compressorName() + " stream " + stream + " of block " + block +
				" is corrupt: " + describe(e), e);
		}
		if (produced != outLen) {
			throw new CodecException("blosc: " + header.compressorName() + " stream " + stream + " of block " + block +
				" decoded to " + produced + " bytes, expected " + outLen);
		}
	}

	private static String describe(final Exception e) {
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}

	/** Decodes one stream with the frame's compressor and returns the decoded size. */
	private int runCompressor(final int compressor, final byte[] src, final int off, final int len, final byte[] out,
		final int outOff, final int outLen) throws DataFormatException
	{
		switch (compressor) {
			case BloscHeader.BLOSCLZ:
				return BlosclzDecoder.decode(src, off, len, out, outOff, outLen);
			case BloscHeader.LZ4:
				if (lz4 == null) {
					lz4 = new Lz4Decompressor();
				}
				return runAircompressor(lz4, src, off, len, out, outOff, outLen);
			case BloscHeader.SNAPPY:
				if (snappy == null) {
					snappy = new SnappyDecompressor();
				}
				return runAircompressor(snappy, src, off, len, out, outOff, outLen);
			case BloscHeader.ZLIB:
				return inflate(src, off, len, out, outOff, outLen);
			case BloscHeader.ZSTD:
				if (zstd == null) {
					zstd = ZstdDecoders.create();
				}
				return zstd.decode(src, off, len, out, outOff, outLen);
			default:
				throw new CodecException("unknown compressor code " + compressor);
		}
	}

	/**
	 * Runs an aircompressor decoder on untrusted input. Its decoders report corrupt
	 * input not only with {@link MalformedInputException} but also with other runtime
	 * exceptions (seen: {@code IllegalArgumentException} from snappy,
	 * {@code IllegalStateException} and {@code ArrayIndexOutOfBoundsException} from
	 * zstd), so any of them from inside the library means a corrupt stream.
	 */
	private static int runAircompressor(final io.airlift.compress.Decompressor codec, final byte[] src, final int off,
		final int len, final byte[] out, final int outOff, final int outLen)
	{
		try {
			return codec.decompress(src, off, len, out, outOff, outLen);
		}
		catch (final RuntimeException e) {
			throw new CodecException(describe(e), e);
		}
	}

	/** Inflates one zlib stream (with its zlib header, as c-blosc writes it). */
	private int inflate(final byte[] src, final int off, final int len, final byte[] out, final int outOff,
		final int outLen) throws DataFormatException
	{
		if (inflater == null) {
			inflater = new Inflater();
		}
		inflater.reset();
		inflater.setInput(src, off, len);
		int total = 0;
		while (!inflater.finished()) {
			final int produced;
			if (total < outLen) {
				produced = inflater.inflate(out, outOff + total, outLen - total);
			}
			else {
				produced = inflater.inflate(overflowProbe);
				if (produced > 0) {
					throw new CodecException("zlib data decodes to more than " + outLen + " bytes");
				}
			}
			if (produced == 0 && inflater.needsDictionary()) {
				throw new CodecException("zlib data asks for a preset dictionary, which Blosc never uses");
			}
			if (produced == 0 && !inflater.finished()) {
				throw new CodecException("zlib data ends early, after " + total + " of " + outLen + " bytes");
			}
			total += produced;
		}
		return total;
	}
}
