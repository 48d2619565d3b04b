package org.openorganelle.fiji.array;

/**
 * Turns the stored bytes of one chunk into the full decoded chunk: C order, the array's
 * {@link ArrayMetadata#dataType()} (byte order included), {@link ArrayMetadata#chunkBytes()}
 * bytes, edge chunks padded to the full chunk shape. Holds scratch space: one per thread.
 */
public interface ChunkDecoder {

	/**
	 * @param encoded the chunk as stored
	 * @param dst receives the decoded chunk in {@code dst[0, chunkBytes)}
	 * @throws org.openorganelle.fiji.codec.CodecException when the bytes cannot be decoded;
	 *         the message says why, the caller adds the chunk's URI
	 */
	void decode(byte[] encoded, byte[] dst);
}
