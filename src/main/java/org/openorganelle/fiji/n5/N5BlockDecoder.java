package org.openorganelle.fiji.n5;

import java.util.Arrays;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkDecoder;
import org.openorganelle.fiji.codec.CodecException;
import org.openorganelle.fiji.codec.Decompressor;

/**
 * Decodes one N5 block into a full, C-order, little-endian chunk. The header is
 * {@code uint16 mode} (0 default, 1 varlength; 2 object is refused), {@code uint16} number
 * of dimensions and {@code uint32} size per dimension (x,y,z), then (varlength only) a
 * {@code uint32} element count, all big-endian. Edge blocks written by n5-java are
 * truncated to the array's extent, those written by zarr-python padded to the block size:
 * both decode; voxels a block does not cover are zeros, like absent blocks.
 */
final class N5BlockDecoder implements ChunkDecoder {

	private static final int MODE_DEFAULT = 0;
	private static final int MODE_VARLENGTH = 1;
	private static final int MODE_OBJECT = 2;

	private final int[] chunk;
	private final int elementSize;
	private final int chunkBytes;
	private final Decompressor decompressor;
	private final byte[] scratch;
	private final int[] size;

	N5BlockDecoder(final ArrayMetadata metadata) {
		this.chunk = metadata.chunks();
		this.elementSize = metadata.dataType().size();
		this.chunkBytes = metadata.chunkBytes();
		this.decompressor = metadata.compressor().newDecompressor();
		this.scratch = new byte[chunkBytes];
		this.size = new int[chunk.length];
	}

	@Override
	public void decode(final byte[] encoded, final byte[] dst) {
		final int dataStart = readHeader(encoded);
		final int elements = elements();
		decompressor.decompress(encoded, dataStart, encoded.length - dataStart, scratch, 0, elements * elementSize);
		if (Arrays.equals(size, chunk)) {
			BigEndian.toLittle(scratch, 0, dst, 0, elements, elementSize);
			return;
		}
		Arrays.fill(dst, 0, chunkBytes, (byte) 0);
		copyRows(dst);
	}

	/** Reads the header into {@link #size} (C order); returns where the compressed data starts. */
	private int readHeader(final byte[] encoded) {
		final int rank = chunk.length;
		if (encoded.length < 4)
			throw new CodecException("N5 block of " + encoded.length + " bytes is shorter than its header");
		final int mode = uint16(encoded, 0);
		if (mode == MODE_OBJECT)
			throw new CodecException("N5 block mode 2 (object) is not supported; only default (0) and varlength (1)");
		if (mode != MODE_DEFAULT && mode != MODE_VARLENGTH)
			throw new CodecException("N5 block header has mode " + mode + "; expected 0 (default) or 1 (varlength)");
		final int ndim = uint16(encoded, 2);
		if (ndim != rank)
			throw new CodecException("N5 block header has " + ndim + " dimensions; the array has " + rank);
		final int headerBytes = 4 + 4 * rank + (mode == MODE_VARLENGTH ? 4 : 0);
		if (encoded.length < headerBytes)
			throw new CodecException("N5 block of " + encoded.length + " bytes is shorter than its " + headerBytes
					+ "-byte header");
		final long[] dims = new long[rank];
		for (int i = 0; i < rank; i++)
			dims[i] = uint32(encoded, 4 + 4 * i);
		for (int d = 0; d < rank; d++) {
			final long n = dims[rank - 1 - d];
			if (n < 1 || n > chunk[d])
				throw new CodecException("N5 block header gives size " + Arrays.toString(dims)
						+ " (x,y,z), which does not fit the block size " + reversed(chunk));
			size[d] = (int) n;
		}
		if (mode == MODE_VARLENGTH) {
			final long count = uint32(encoded, 4 + 4 * rank);
			if (count != elements())
				throw new CodecException("N5 varlength block holds " + count + " elements, not the " + elements()
						+ " of its size " + Arrays.toString(dims));
		}
		return headerBytes;
	}

	private int elements() {
		int n = 1;
		for (final int s : size)
			n *= s;
		return n;
	}

	/** Copies the block's rows (last axis) into their places in the full chunk. */
	private void copyRows(final byte[] dst) {
		final int rank = chunk.length;
		final int row = size[rank - 1];
		final int rows = elements() / row;
		final int[] index = new int[rank];
		for (int r = 0; r < rows; r++) {
			int at = 0;
			for (int d = 0; d < rank - 1; d++)
				at = at * chunk[d] + index[d];
			at = at * chunk[rank - 1];
			BigEndian.toLittle(scratch, r * row * elementSize, dst, at * elementSize, row, elementSize);
			for (int d = rank - 2; d >= 0; d--) {
				if (++index[d] < size[d])
					break;
				index[d] = 0;
			}
		}
	}

	private static String reversed(final int[] c) {
		final int[] x = new int[c.length];
		for (int i = 0; i < c.length; i++)
			x[i] = c[c.length - 1 - i];
		return Arrays.toString(x) + " (x,y,z)";
	}

	private static int uint16(final byte[] b, final int at) {
		return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
	}

	private static long uint32(final byte[] b, final int at) {
		return (long) (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
	}
}
