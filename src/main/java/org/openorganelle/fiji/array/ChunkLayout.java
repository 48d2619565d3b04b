package org.openorganelle.fiji.array;

import java.nio.ByteOrder;

/**
 * How one storage format keeps an array's chunks: the key of each chunk and how stored
 * bytes become a decoded chunk. Zarr v2 and N5 each provide one; everything above the
 * format layers reads arrays only through this.
 */
public interface ChunkLayout {

	/** The format's name for people and metadata records, e.g. {@code Zarr v2} or {@code N5}. */
	String formatName();

	/** The byte order the format stores elements of an array in (before decoding). */
	ByteOrder storedByteOrder(ArrayMetadata metadata);

	/** The key of the chunk at a grid position (C order), relative to the array's path. */
	String chunkName(long[] gridPosition);

	/**
	 * A decoder of stored chunks, for one thread at a time.
	 *
	 * @throws org.openorganelle.fiji.codec.CodecException when the array's codec cannot be read
	 */
	ChunkDecoder newDecoder(ArrayMetadata metadata);
}
