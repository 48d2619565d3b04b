package org.openorganelle.fiji.zarr;

import java.util.Optional;

import org.openorganelle.fiji.zarr.codec.CodecException;
import org.openorganelle.fiji.zarr.codec.Decompressor;

/**
 * Reads chunks of one {@link ZarrArray} into caller-owned buffers, in C order and the
 * array's byte order, whatever the stored order. Holds a decompressor and scratch space:
 * one reader per thread.
 */
public final class ChunkReader {

	private final ZarrArray array;
	private final ZarrArrayMetadata metadata;
	private final Decompressor decompressor;
	private byte[] scratch;

	ChunkReader(final ZarrArray array) {
		this.array = array;
		this.metadata = array.metadata();
		if (!metadata.filters().isEmpty())
			throw new CodecException("filters " + metadata.filters() + " of " + array.uri()
					+ " are not supported; only arrays without filters can be read");
		this.decompressor = metadata.compressor().newDecompressor();
	}

	/**
	 * Reads the chunk at a grid position into {@code dst[0, chunkBytes)}, which receives the
	 * full chunk (edge chunks are stored full size in Zarr v2).
	 *
	 * @return true when the chunk is stored, false when it is absent and {@code dst} was set
	 *         to the fill value
	 * @throws CodecException naming the chunk key when it cannot be decoded
	 * @throws org.openorganelle.fiji.store.StoreException when it cannot be fetched
	 */
	public boolean read(final long[] gridPosition, final byte[] dst) {
		final String key = array.chunkKey(gridPosition);
		return decode(key, array.store().get(key), dst);
	}

	/**
	 * Decodes a chunk fetched from {@code key} into {@code dst}, or fills {@code dst} with
	 * the fill value when the chunk is absent.
	 *
	 * @return whether the chunk was stored
	 * @throws CodecException naming the key when the bytes cannot be decoded
	 */
	public boolean decode(final String key, final Optional<byte[]> stored, final byte[] dst) {
		if (stored.isEmpty()) {
			metadata.fillValue().fill(dst, 0, metadata.chunkBytes());
			return false;
		}
		decode(key, stored.get(), dst);
		return true;
	}

	/**
	 * Decodes stored chunk bytes (as fetched from {@code key}) into {@code dst} in C order.
	 *
	 * @throws CodecException naming the key when the bytes cannot be decoded
	 */
	public void decode(final String key, final byte[] encoded, final byte[] dst) {
		final int length = metadata.chunkBytes();
		final byte[] target = metadata.isFortranOrder() ? scratch(length) : dst;
		try {
			decompressor.decompress(encoded, 0, encoded.length, target, 0, length);
		} catch (final CodecException e) {
			throw new CodecException("cannot decode chunk " + array.store().uri(key) + " ("
					+ metadata.compressor().describe() + "): " + e.getMessage(), e);
		}
		if (metadata.isFortranOrder())
			Transpose.fortranToC(target, dst, metadata.chunks(), metadata.dataType().size());
	}

	private byte[] scratch(final int length) {
		if (scratch == null || scratch.length < length)
			scratch = new byte[length];
		return scratch;
	}
}
