package org.openorganelle.fiji.array;

import java.util.Arrays;

import org.openorganelle.fiji.codec.Compressor;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every chunked array format says about an array, in C (z,y,x) order: shape, chunk
 * shape, the data type its decoded chunks come out in, fill value, compressor, and the
 * format's own metadata document. The format-specific parts (chunk keys, stored order and
 * byte order, block headers) live in the array's {@link ChunkLayout}.
 */
public final class ArrayMetadata {

	/** The largest chunk, in bytes, that fits one Java array. */
	public static final long MAX_CHUNK_BYTES = Integer.MAX_VALUE - 8;

	private final long[] shape;
	private final int[] chunks;
	private final DataType dataType;
	private final FillValue fillValue;
	private final Compressor compressor;
	private final ObjectNode json;

	/**
	 * @param shape the array's shape, C order
	 * @param chunks the chunk shape, C order (edge chunks are presented full size)
	 * @param dataType the type of decoded chunks, byte order included
	 * @param fillValue the value of absent chunks
	 * @param compressor the codec chunks are stored with
	 * @param json the format's metadata document, as read
	 * @throws FormatException for mismatched or empty ranks, negative sizes or chunks too
	 *         large to hold in memory
	 */
	public ArrayMetadata(final long[] shape, final long[] chunks, final DataType dataType,
			final FillValue fillValue, final Compressor compressor, final ObjectNode json) {
		if (shape.length != chunks.length || shape.length == 0)
			throw new FormatException("shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunks)
					+ " must have the same, non-zero number of dimensions");
		this.chunks = new int[chunks.length];
		long chunkBytes = dataType.size();
		for (int d = 0; d < chunks.length; d++) {
			if (shape[d] < 0 || chunks[d] < 1)
				throw new FormatException("shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunks)
						+ " must be non-negative and positive");
			chunkBytes = chunkBytes * chunks[d];
			if (chunks[d] > MAX_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES)
				throw new FormatException("chunks " + Arrays.toString(chunks) + " of " + dataType
						+ " exceed the largest supported chunk of " + MAX_CHUNK_BYTES + " bytes");
			this.chunks[d] = (int) chunks[d];
		}
		this.shape = shape.clone();
		this.dataType = dataType;
		this.fillValue = fillValue;
		this.compressor = compressor;
		this.json = json;
	}

	/** The array's shape (a copy). */
	public long[] shape() {
		return shape.clone();
	}

	/** The chunk shape (a copy). */
	public int[] chunks() {
		return chunks.clone();
	}

	public int rank() {
		return shape.length;
	}

	/** The type of decoded chunks (and exported files), byte order included. */
	public DataType dataType() {
		return dataType;
	}

	public FillValue fillValue() {
		return fillValue;
	}

	public Compressor compressor() {
		return compressor;
	}

	/** The format's metadata document as read ({@code .zarray}, N5 {@code attributes.json}). */
	public ObjectNode json() {
		return json.deepCopy();
	}

	/** Number of chunks along each dimension (edge chunks included). */
	public long[] chunkGrid() {
		final long[] grid = new long[shape.length];
		for (int d = 0; d < grid.length; d++)
			grid[d] = (shape[d] + chunks[d] - 1) / chunks[d];
		return grid;
	}

	/** Total number of chunks in the grid. */
	public long chunkCount() {
		long n = 1;
		for (final long g : chunkGrid())
			n = Math.multiplyExact(n, g);
		return n;
	}

	/** Elements in one (full) chunk. */
	public int chunkElements() {
		int n = 1;
		for (final int c : chunks)
			n *= c;
		return n;
	}

	/** Bytes of one decoded (full) chunk. */
	public int chunkBytes() {
		return chunkElements() * dataType.size();
	}

	/** Elements in the whole array. */
	public long elementCount() {
		long n = 1;
		for (final long s : shape)
			n = Math.multiplyExact(n, s);
		return n;
	}

	/** Bytes of the whole array, uncompressed. */
	public long uncompressedBytes() {
		return Math.multiplyExact(elementCount(), dataType.size());
	}
}
