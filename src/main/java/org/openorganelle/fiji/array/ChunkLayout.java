package org.openorganelle.fiji.array;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.store.KeyValueStore;

/**
 * How one storage format keeps an array's chunks: the key of each chunk (or of the shard
 * holding it), how its stored bytes are fetched and how they become a decoded chunk. Zarr
 * v2, Zarr v3 and N5 each provide one; everything above the format layers reads arrays only
 * through this.
 */
public interface ChunkLayout {

	/** The format's name for people and metadata records, e.g. {@code Zarr v2} or {@code N5}. */
	String formatName();

	/** The byte order the format stores elements of an array in (before decoding). */
	ByteOrder storedByteOrder(ArrayMetadata metadata);

	/**
	 * The key of the object holding the chunk at a grid position (C order), relative to the
	 * array's path: the chunk itself, or the shard it lies in.
	 */
	String chunkName(long[] gridPosition);

	/**
	 * The chunk at a grid position for people and error messages, given the URI of the
	 * object holding it: by default {@code chunk <uri>}.
	 */
	default String describeChunk(final String objectUri, final long[] gridPosition) {
		return "chunk " + objectUri;
	}

	/** The shape of the shards chunks are stored in (C order), or empty when each chunk is an object of its own. */
	default Optional<long[]> shardShape() {
		return Optional.empty();
	}

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
	 * Splits chunk positions into groups whose stored bytes are best fetched together by
	 * {@link #fetchAll}: by default every chunk alone; a shard layout groups neighbours
	 * inside one shard so that their byte ranges can be read in one request.
	 *
	 * @param maxPerGroup the most chunks in one group (at least 1)
	 */
	default List<List<long[]>> fetchGroups(final List<long[]> positions, final int maxPerGroup) {
		final List<List<long[]>> groups = new ArrayList<>(positions.size());
		for (final long[] position : positions)
			groups.add(List.of(position));
		return groups;
	}

	/**
	 * Fetches the stored bytes of several chunks (as {@link #fetch} does for one), in the
	 * order given: by default one fetch each.
	 */
	default List<Optional<byte[]>> fetchAll(final KeyValueStore store, final String arrayPath,
			final List<long[]> positions) {
		final List<Optional<byte[]>> stored = new ArrayList<>(positions.size());
		for (final long[] position : positions)
			stored.add(fetch(store, arrayPath, position));
		return stored;
	}

	/**
	 * A decoder of stored chunks, for one thread at a time.
	 *
	 * @throws org.openorganelle.fiji.codec.CodecException when the array's codec cannot be read
	 */
	ChunkDecoder newDecoder(ArrayMetadata metadata);
}
