package org.openorganelle.fiji.array;

import java.nio.ByteOrder;
import java.util.Optional;

import org.openorganelle.fiji.store.KeyValueStore;

/**
 * How one storage format keeps an array's chunks: the key of each chunk, how its stored
 * bytes are fetched and how they become a decoded chunk. Zarr v2 and N5 each provide one; everything above the
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
	 * Fetches the stored bytes of the chunk at a grid position: by default one read of its
	 * key. Layouts whose chunks live inside larger objects (shards) read only their part.
	 *
	 * @param arrayPath the array's path in {@code store}
	 * @return the stored bytes, or empty when the chunk is absent (it then reads as the fill value)
	 * @throws org.openorganelle.fiji.store.StoreException when the read fails
	 */
	default Optional<byte[]> fetch(final KeyValueStore store, final String arrayPath, final long[] gridPosition) {
		return store.get(NodePaths.child(arrayPath, chunkName(gridPosition)));
	}

	/**
	 * A decoder of stored chunks, for one thread at a time.
	 *
	 * @throws org.openorganelle.fiji.codec.CodecException when the array's codec cannot be read
	 */
	ChunkDecoder newDecoder(ArrayMetadata metadata);
}
