package org.openorganelle.fiji.array;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.store.KeyValueStore;

/**
 * A chunked array in a {@link KeyValueStore}, whatever its format (Zarr v2, N5): its
 * metadata, where its chunks are and how they decode. Chunks are read on demand through
 * {@link #newChunkReader()}; they always come out in C order and the byte order of
 * {@link ArrayMetadata#dataType()}.
 */
public final class ChunkedArray {

	/** The most chunks {@link #read} fetches together. */
	private static final int READ_GROUP = 64;

	private final KeyValueStore store;
	private final String path;
	private final ArrayMetadata metadata;
	private final ChunkLayout layout;

	public ChunkedArray(final KeyValueStore store, final String path, final ArrayMetadata metadata,
			final ChunkLayout layout) {
		this.store = store;
		this.path = NodePaths.normalize(path);
		this.metadata = metadata;
		this.layout = layout;
	}

	public KeyValueStore store() {
		return store;
	}

	/** The array's path in its store ('/'-separated, no leading or trailing '/'). */
	public String path() {
		return path;
	}

	/** The array's absolute URI. */
	public String uri() {
		return store.uri(path);
	}

	public ArrayMetadata metadata() {
		return metadata;
	}

	/** The format's chunk layout (keys, stored byte order, decoding). */
	public ChunkLayout layout() {
		return layout;
	}

	/** The store key of the object holding the chunk at a grid position (C order): the chunk, or its shard. */
	public String chunkKey(final long[] gridPosition) {
		return NodePaths.child(path, layout.chunkName(gridPosition));
	}

	/** The chunk at a grid position for messages, e.g. {@code chunk s3://…/s0/0/1/2} or an inner chunk of a shard. */
	public String describeChunk(final long[] gridPosition) {
		return layout.describeChunk(store.uri(chunkKey(gridPosition)), gridPosition);
	}

	/**
	 * Fetches the stored bytes of the chunk at a grid position (C order), as its layout keeps it.
	 *
	 * @return the stored bytes, or empty when the chunk is absent
	 * @throws org.openorganelle.fiji.store.StoreException when the read fails
	 */
	public Optional<byte[]> fetch(final long[] gridPosition) {
		return layout.fetch(store, path, gridPosition);
	}

	/**
	 * Splits chunk positions into groups best fetched together ({@link ChunkLayout#fetchGroups}).
	 *
	 * @param maxPerGroup the most chunks in one group (at least 1)
	 */
	public List<List<long[]>> fetchGroups(final List<long[]> positions, final int maxPerGroup) {
		return layout.fetchGroups(positions, Math.max(1, maxPerGroup));
	}

	/**
	 * Fetches the stored bytes of a group of chunks, in the order given.
	 *
	 * @return per chunk, its stored bytes or empty when it is absent
	 * @throws org.openorganelle.fiji.store.StoreException when a read fails
	 */
	public List<Optional<byte[]>> fetchAll(final List<long[]> group) {
		return layout.fetchAll(store, path, group);
	}

	/**
	 * Reads a region into memory, in C order and the array's byte order (sequentially, in
	 * fetch groups of up to {@value #READ_GROUP} chunks; for previews and small reads;
	 * exports stream instead).
	 *
	 * @throws FormatException when the region does not lie within the array or exceeds 2 GB
	 */
	public byte[] read(final Region region) {
		if (!region.fitsIn(metadata.shape()))
			throw new FormatException("region " + region + " lies outside " + uri() + " of shape "
					+ Arrays.toString(metadata.shape()));
		final long bytes = region.elementCount() * metadata.dataType().size();
		if (bytes > ArrayMetadata.MAX_CHUNK_BYTES)
			throw new FormatException("region " + region + " of " + uri() + " is too large to read into memory ("
					+ bytes + " bytes)");
		final byte[] out = new byte[(int) bytes];
		final ChunkGrid grid = new ChunkGrid(metadata);
		final ChunkReader reader = newChunkReader();
		final byte[] chunk = new byte[metadata.chunkBytes()];
		for (final List<long[]> group : fetchGroups(grid.chunksIn(region), READ_GROUP)) {
			final List<Optional<byte[]>> stored = fetchAll(group);
			for (int i = 0; i < group.size(); i++) {
				reader.decode(group.get(i), stored.get(i), chunk);
				grid.copyIntoRegion(chunk, group.get(i), region, out);
			}
		}
		return out;
	}

	/** A reader of this array's chunks, for use by one thread at a time. */
	public ChunkReader newChunkReader() {
		return new ChunkReader(this);
	}
}
