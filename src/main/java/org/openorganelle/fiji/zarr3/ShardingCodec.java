package org.openorganelle.fiji.zarr3;

import java.util.Arrays;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.FillValue;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.codec.Compressors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

/**
 * A {@code sharding_indexed} codec's configuration, validated: the inner chunk shape (which
 * divides the shard shape), the inner codec chain, the index's codecs ({@code bytes} and
 * optionally {@code crc32c}: an index must have a fixed size to be found) and whether the
 * index is at the shard's start or end.
 */
final class ShardingCodec {

	/** Bytes of one index entry: offset and length, two uint64. */
	static final int ENTRY_BYTES = 16;

	private final long[] shardShape;
	private final long[] innerShape;
	private final int[] perShard;
	private final V3Codecs inner;
	private final V3Codecs index;
	private final boolean indexAtEnd;
	private final int innerCount;
	private final ArrayMetadata indexArray;

	private ShardingCodec(final long[] shardShape, final long[] innerShape, final V3Codecs inner,
			final V3Codecs index, final boolean indexAtEnd) {
		this.shardShape = shardShape;
		this.innerShape = innerShape;
		this.inner = inner;
		this.index = index;
		this.indexAtEnd = indexAtEnd;
		this.perShard = new int[shardShape.length];
		long count = 1;
		for (int d = 0; d < shardShape.length; d++) {
			perShard[d] = (int) (shardShape[d] / innerShape[d]);
			count *= perShard[d];
		}
		if (count * ENTRY_BYTES > Integer.MAX_VALUE - 8)
			throw new FormatException("shards of " + Arrays.toString(shardShape) + " hold " + count
					+ " inner chunks of " + Arrays.toString(innerShape) + ": their index is too large to read");
		this.innerCount = (int) count;
		final long[] indexShape = new long[perShard.length + 1];
		for (int d = 0; d < perShard.length; d++)
			indexShape[d] = perShard[d];
		indexShape[perShard.length] = 2;
		final DataType uint64 = DataType.parse("<u8");
		this.indexArray = new ArrayMetadata(indexShape, indexShape, uint64, FillValue.parse(IntNode.valueOf(0),
				uint64), Compressors.none(), Json.mapper().createObjectNode());
	}

	/**
	 * @param configuration the codec's {@code configuration}
	 * @param shardShape the array's chunk shape, which is the shard shape
	 */
	static ShardingCodec parse(final JsonNode configuration, final DataType type, final long[] shardShape) {
		final long[] innerShape = Json.longs(configuration.get("chunk_shape"), "sharding_indexed chunk_shape", 1);
		if (innerShape.length != shardShape.length)
			throw new FormatException("sharding_indexed chunk_shape " + Arrays.toString(innerShape) + " and the shard "
					+ "shape " + Arrays.toString(shardShape) + " differ in rank");
		for (int d = 0; d < innerShape.length; d++)
			if (shardShape[d] % innerShape[d] != 0)
				throw new FormatException("sharding_indexed chunk_shape " + Arrays.toString(innerShape)
						+ " does not divide the shard shape " + Arrays.toString(shardShape));
		final V3Codecs inner = V3Codecs.parse(configuration.get("codecs"), type, innerShape.length);
		final V3Codecs index = V3Codecs.parse(configuration.get("index_codecs"), DataType.parse("<u8"),
				innerShape.length + 1);
		if (index.steps().stream().anyMatch(step -> !step.isChecksum()))
			throw new FormatException("sharding_indexed index_codecs " + configuration.get("index_codecs")
					+ " compress the index; only bytes and crc32c give it the fixed size it is found by");
		final String location = configuration.path("index_location").asText("end");
		if (!location.equals("end") && !location.equals("start"))
			throw new FormatException("sharding_indexed index_location '" + location + "' is neither \"start\" nor "
					+ "\"end\"");
		return new ShardingCodec(shardShape.clone(), innerShape, inner, index, location.equals("end"));
	}

	long[] shardShape() {
		return shardShape.clone();
	}

	long[] innerShape() {
		return innerShape.clone();
	}

	/** Inner chunks per shard along each axis. */
	int[] perShard() {
		return perShard.clone();
	}

	/** Inner chunks in one shard. */
	int innerCount() {
		return innerCount;
	}

	V3Codecs inner() {
		return inner;
	}

	V3Codecs index() {
		return index;
	}

	/** The index as the one-chunk uint64 array of shape (inner chunks per shard…, 2) its codecs encode. */
	ArrayMetadata indexArray() {
		return indexArray;
	}

	boolean indexAtEnd() {
		return indexAtEnd;
	}

	/** The encoded index's size: 16 bytes per inner chunk and 4 per {@code crc32c}. */
	int indexBytes() {
		return innerCount * ENTRY_BYTES + 4 * index.steps().size();
	}

	/**
	 * The codec for people, nested as in {@code zarr.json}, e.g.
	 * {@code sharding_indexed(index at end: bytes(little) / crc32c; inner: bytes / zstd(level=1))}.
	 */
	String describe() {
		return "sharding_indexed(index at " + (indexAtEnd ? "end" : "start") + ": " + index.describe() + "; inner: "
				+ inner.describe() + ")";
	}
}
