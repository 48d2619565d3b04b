package org.openorganelle.fiji.array;

import java.util.Optional;

import org.openorganelle.fiji.codec.CodecException;

/**
 * Reads chunks of one {@link ChunkedArray} into caller-owned buffers, in C order and the
 * array's byte order, whatever the format stores. Holds a decoder and its scratch space:
 * one reader per thread.
 */
public final class ChunkReader {

	private final ChunkedArray array;
	private final ArrayMetadata metadata;
	private final ChunkDecoder decoder;

	ChunkReader(final ChunkedArray array) {
		this.array = array;
		this.metadata = array.metadata();
		try {
			this.decoder = array.layout().newDecoder(metadata);
		} catch (final CodecException e) {
			throw new CodecException("cannot read " + array.uri() + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Reads the chunk at a grid position into {@code dst[0, chunkBytes)}, which receives the
	 * full chunk (edge chunks padded to the chunk shape).
	 *
	 * @return true when the chunk is stored, false when it is absent and {@code dst} was set
	 *         to the fill value
	 * @throws CodecException naming the chunk when it cannot be decoded
	 * @throws org.openorganelle.fiji.store.StoreException when it cannot be fetched
	 */
	public boolean read(final long[] gridPosition, final byte[] dst) {
		return decode(gridPosition, array.fetch(gridPosition), dst);
	}

	/**
	 * Decodes the fetched chunk at a grid position into {@code dst}, or fills {@code dst}
	 * with the fill value when the chunk is absent.
	 *
	 * @return whether the chunk was stored
	 * @throws CodecException naming the chunk when the bytes cannot be decoded
	 */
	public boolean decode(final long[] gridPosition, final Optional<byte[]> stored, final byte[] dst) {
		if (stored.isEmpty()) {
			metadata.fillValue().fill(dst, 0, metadata.chunkBytes());
			return false;
		}
		decode(gridPosition, stored.get(), dst);
		return true;
	}

	/**
	 * Decodes the stored bytes of the chunk at a grid position into {@code dst} in C order.
	 *
	 * @throws CodecException naming the chunk when the bytes cannot be decoded
	 */
	public void decode(final long[] gridPosition, final byte[] encoded, final byte[] dst) {
		try {
			decoder.decode(encoded, dst);
		} catch (final CodecException e) {
			throw new CodecException("cannot decode " + array.describeChunk(gridPosition) + " ("
					+ metadata.compressor().describe() + "): " + e.getMessage(), e);
		}
	}
}
