package org.openorganelle.fiji.zarr;

import java.util.Arrays;
import java.util.Optional;

import org.openorganelle.fiji.store.KeyValueStore;

/**
 * A Zarr v2 array in a {@link KeyValueStore}: its metadata and the keys of its chunks.
 * Opening reads only the {@code .zarray} document; chunks are read on demand through
 * {@link #newChunkReader()}.
 */
public final class ZarrArray {

	private final KeyValueStore store;
	private final String path;
	private final ZarrArrayMetadata metadata;

	public ZarrArray(final KeyValueStore store, final String path, final ZarrArrayMetadata metadata) {
		this.store = store;
		this.path = ZarrPaths.normalize(path);
		this.metadata = metadata;
	}

	/**
	 * Opens the array at a path by reading its {@code .zarray}.
	 *
	 * @throws ZarrFormatException when there is no array at the path or its metadata is invalid
	 */
	public static ZarrArray open(final KeyValueStore store, final String path) {
		final String key = ZarrPaths.child(ZarrPaths.normalize(path), ".zarray");
		final Optional<byte[]> bytes = store.get(key);
		if (bytes.isEmpty())
			throw new ZarrFormatException("no Zarr array at " + store.uri(path) + " (" + store.uri(key) + " not found)");
		return new ZarrArray(store, path, ZarrArrayMetadata.parse(bytes.get(), store.uri(key)));
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

	public ZarrArrayMetadata metadata() {
		return metadata;
	}

	/** The store key of the chunk at a grid position, honouring the dimension separator. */
	public String chunkKey(final long[] gridPosition) {
		final StringBuilder name = new StringBuilder();
		for (int d = 0; d < gridPosition.length; d++) {
			if (d > 0)
				name.append(metadata.separator());
			name.append(gridPosition[d]);
		}
		return ZarrPaths.child(path, name.toString());
	}

	/**
	 * Reads a region into memory, in C order and the array's byte order (sequentially; for
	 * previews and small reads; exports stream instead).
	 *
	 * @throws ZarrFormatException when the region does not lie within the array or exceeds 2 GB
	 */
	public byte[] read(final Region region) {
		if (!region.fitsIn(metadata.shape()))
			throw new ZarrFormatException("region " + region + " lies outside " + uri() + " of shape "
					+ Arrays.toString(metadata.shape()));
		final long bytes = region.elementCount() * metadata.dataType().size();
		if (bytes > ZarrArrayMetadata.MAX_CHUNK_BYTES)
			throw new ZarrFormatException("region " + region + " of " + uri() + " is too large to read into memory ("
					+ bytes + " bytes)");
		final byte[] out = new byte[(int) bytes];
		final ChunkGrid grid = new ChunkGrid(metadata);
		final ChunkReader reader = newChunkReader();
		final byte[] chunk = new byte[metadata.chunkBytes()];
		for (final long[] position : grid.chunksIn(region)) {
			reader.read(position, chunk);
			grid.copyIntoRegion(chunk, position, region, out);
		}
		return out;
	}

	/** A reader of this array's chunks, for use by one thread at a time. */
	public ChunkReader newChunkReader() {
		return new ChunkReader(this);
	}
}
