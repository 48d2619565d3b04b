package org.openorganelle.fiji.zarr3;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkLayout;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.FillValue;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.codec.Compressors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Zarr v3 array's {@code zarr.json} (specification 3.0), validated: shape, {@code data_type}
 * (bool, integers, float16, float32 and float64; decoded chunks and exports little-endian), a
 * {@code regular} chunk grid, {@code default} or {@code v2} chunk keys, the {@code fill_value}
 * in every form the specification allows (hex bit patterns kept bit for bit), and the codec
 * chain ({@link V3Codecs}), or a {@code sharding_indexed} codec ({@link ShardingCodec}): the
 * array's chunks are then its inner chunks. Unknown extensions that must be understood, and
 * storage transformers, are errors naming them.
 */
final class ZarrV3ArrayMetadata {

	private static final Map<String, String> DATA_TYPES = Map.ofEntries(Map.entry("bool", "|b1"),
			Map.entry("int8", "|i1"), Map.entry("uint8", "|u1"), Map.entry("int16", "<i2"),
			Map.entry("uint16", "<u2"), Map.entry("int32", "<i4"), Map.entry("uint32", "<u4"),
			Map.entry("int64", "<i8"), Map.entry("uint64", "<u8"), Map.entry("float16", "<f2"),
			Map.entry("float32", "<f4"), Map.entry("float64", "<f8"));
	private static final Set<String> KNOWN = Set.of("zarr_format", "node_type", "shape", "data_type", "chunk_grid",
			"chunk_key_encoding", "fill_value", "codecs", "attributes", "dimension_names", "storage_transformers");

	private final ArrayMetadata metadata;
	private final ChunkLayout layout;

	private ZarrV3ArrayMetadata(final ArrayMetadata metadata, final ChunkLayout layout) {
		this.metadata = metadata;
		this.layout = layout;
	}

	/**
	 * @param uri the document's URI, named in every error
	 * @throws FormatException for anything the specification does not allow or this reader does not read
	 */
	static ZarrV3ArrayMetadata parse(final ObjectNode json, final String uri) {
		try {
			return validate(json);
		} catch (final FormatException e) {
			throw new FormatException("invalid Zarr v3 array metadata " + uri + ": " + e.getMessage(), e);
		}
	}

	private static ZarrV3ArrayMetadata validate(final ObjectNode json) {
		if (json.path("zarr_format").asInt() != 3)
			throw new FormatException("zarr_format is " + json.get("zarr_format") + ", not 3");
		for (final Iterator<String> names = json.fieldNames(); names.hasNext();) {
			final String name = names.next();
			final JsonNode value = json.get(name);
			if (!KNOWN.contains(name) && !(value.isObject() && value.path("must_understand").isBoolean()
					&& !value.get("must_understand").asBoolean()))
				throw new FormatException("the extension '" + name + "' must be understood and this reader does not "
						+ "know it");
		}
		if (json.path("storage_transformers").size() > 0)
			throw new FormatException("storage_transformers " + json.get("storage_transformers")
					+ " are not supported");
		final long[] shape = Json.longs(json.get("shape"), "shape", 0);
		final String typeName = json.path("data_type").asText("");
		final String dtype = DATA_TYPES.get(typeName);
		if (dtype == null)
			throw new FormatException("data_type '" + (typeName.isEmpty() ? json.get("data_type") : typeName)
					+ "' is not supported; supported: " + String.join(", ", new TreeSet<>(DATA_TYPES
							.keySet())));
		final DataType dataType = DataType.parse(dtype);
		final JsonNode grid = json.path("chunk_grid");
		if (!grid.path("name").asText("").equals("regular"))
			throw new FormatException("chunk_grid " + grid + " is not supported; only \"regular\"");
		final long[] chunks = Json.longs(grid.path("configuration").get("chunk_shape"), "chunk_shape", 1);
		final ChunkKeys keys = ChunkKeys.parse(json.get("chunk_key_encoding"));
		final FillValue fill = fillValue(json.get("fill_value"), dataType);
		final JsonNode sharding = sharding(json.get("codecs"));
		if (sharding != null) {
			final ShardingCodec codec = ShardingCodec.parse(sharding.path("configuration"), dataType, chunks);
			final ArrayMetadata metadata = new ArrayMetadata(shape, codec.innerShape(), dataType, fill, Compressors.of(
					codec.inner().compressorId(), codec.describe(), V3Codecs.SUPPORTED), json);
			return new ZarrV3ArrayMetadata(metadata, new ShardedLayout(keys, codec));
		}
		final V3Codecs codecs = V3Codecs.parse(json.get("codecs"), dataType, chunks.length);
		final ArrayMetadata metadata = new ArrayMetadata(shape, chunks, dataType, fill, Compressors.of(codecs
				.compressorId(), codecs.describe(), V3Codecs.SUPPORTED), json);
		return new ZarrV3ArrayMetadata(metadata, new ZarrV3Layout(keys, codecs));
	}

	/**
	 * The chain's {@code sharding_indexed} codec, or null when it has none.
	 *
	 * @throws FormatException when the chain has codecs besides it: shards are read by range
	 *         only when nothing transforms them as a whole
	 */
	private static JsonNode sharding(final JsonNode codecs) {
		if (codecs == null || !codecs.isArray())
			return null;
		for (final JsonNode codec : codecs)
			if (codec.path("name").asText("").equals("sharding_indexed")) {
				if (codecs.size() != 1)
					throw new FormatException("codecs " + codecs + " combine sharding_indexed with other codecs; "
							+ "only a chain of sharding_indexed alone is supported");
				return codec;
			}
		return null;
	}

	private static FillValue fillValue(final JsonNode node, final DataType type) {
		if (node == null || node.isNull())
			throw new FormatException("fill_value is missing");
		if (node.isTextual() && node.asText().startsWith("0x"))
			return FillValue.ofBits(node.asText(), type);
		return FillValue.parse(node, type);
	}

	ArrayMetadata metadata() {
		return metadata;
	}

	ChunkLayout layout() {
		return layout;
	}
}
