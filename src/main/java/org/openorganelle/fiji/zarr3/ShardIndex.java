package org.openorganelle.fiji.zarr3;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.codec.CodecException;

/**
 * A shard's index, decoded and checked: where each inner chunk's bytes are in the shard
 * (offset and length), or that the inner chunk is empty (both 2⁶⁴−1). A shard that does
 * not exist has the {@link #ABSENT} index: all its inner chunks are empty.
 */
final class ShardIndex {

	/** The index of a shard that is not stored. */
	static final ShardIndex ABSENT = new ShardIndex(new long[0], new long[0]);

	private static final long EMPTY = -1L;

	private final long[] offsets;
	private final long[] lengths;

	private ShardIndex(final long[] offsets, final long[] lengths) {
		this.offsets = offsets;
		this.lengths = lengths;
	}

	/**
	 * Decodes an encoded index through the codec's index chain ({@code crc32c} verified).
	 *
	 * @throws CodecException saying why the index is corrupt: a checksum mismatch, an entry
	 *         with only one half marked empty, a negative or overflowing place, or (index at
	 *         the start) a chunk placed inside the index
	 */
	static ShardIndex decode(final byte[] encoded, final ShardingCodec codec) {
		final int n = codec.innerCount();
		final byte[] decoded = new byte[n * ShardingCodec.ENTRY_BYTES];
		try {
			new V3ChunkDecoder(codec.indexArray(), codec.index()).decode(encoded, decoded);
		} catch (final CodecException e) {
			throw new CodecException("is corrupt (" + codec.index().describe() + "): " + e.getMessage(), e);
		}
		final ByteBuffer entries = ByteBuffer.wrap(decoded).order(ByteOrder.LITTLE_ENDIAN);
		final long[] offsets = new long[n];
		final long[] lengths = new long[n];
		final long dataStart = codec.indexAtEnd() ? 0 : codec.indexBytes();
		for (int i = 0; i < n; i++) {
			offsets[i] = entries.getLong();
			lengths[i] = entries.getLong();
			if (offsets[i] == EMPTY && lengths[i] == EMPTY)
				continue;
			if (offsets[i] < dataStart || lengths[i] <= 0 || lengths[i] > ArrayMetadata.MAX_CHUNK_BYTES
					|| offsets[i] + lengths[i] < 0)
				throw new CodecException("is corrupt: it places inner chunk " + Arrays.toString(position(i, codec))
						+ " at offset " + Long.toUnsignedString(offsets[i]) + ", length " + Long
								.toUnsignedString(lengths[i]) + (dataStart > 0 ? " (the index fills bytes 0-"
										+ (dataStart - 1) + ")" : ""));
		}
		return new ShardIndex(offsets, lengths);
	}

	/** The position within its shard (C order) of the inner chunk with index entry {@code i}. */
	static long[] position(final int i, final ShardingCodec codec) {
		final int[] perShard = codec.perShard();
		final long[] position = new long[perShard.length];
		int rest = i;
		for (int d = perShard.length - 1; d >= 0; d--) {
			position[d] = rest % perShard[d];
			rest /= perShard[d];
		}
		return position;
	}

	boolean isEmpty(final int entry) {
		return offsets.length == 0 || offsets[entry] == EMPTY;
	}

	long offset(final int entry) {
		return offsets[entry];
	}

	int length(final int entry) {
		return (int) lengths[entry];
	}

	/** Memory the index holds, for the cache's bound. */
	long sizeInBytes() {
		return 16L * offsets.length + 32;
	}
}
