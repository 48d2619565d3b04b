package org.openorganelle.fiji.zarr3;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.codec.Compressor;
import org.openorganelle.fiji.codec.Compressors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A v3 codec chain, validated: at most one {@code transpose} (array to array), then
 * {@code bytes} (array to bytes, with its {@code endian}), then any of {@code gzip},
 * {@code zstd}, {@code blosc} and {@code crc32c} (bytes to bytes), in the order the chunk
 * was encoded: an unsharded array's chain, or the inner chunks' chain of a shard
 * ({@link ShardingCodec}). Other codecs, nested sharding among them, are errors naming them.
 */
final class V3Codecs {

	/** The codec names this reader decodes. */
	static final List<String> SUPPORTED = List.of("transpose", "bytes", "gzip", "zstd", "blosc", "crc32c");

	/** One bytes-to-bytes step: a compressor, or null for crc32c. */
	static final class Step {
		final Compressor compressor;

		Step(final Compressor compressor) {
			this.compressor = compressor;
		}

		boolean isChecksum() {
			return compressor == null;
		}
	}

	private final int[] order;
	private final ByteOrder endian;
	private final List<Step> steps;
	private final String description;

	private V3Codecs(final int[] order, final ByteOrder endian, final List<Step> steps, final String description) {
		this.order = order;
		this.endian = endian;
		this.steps = steps;
		this.description = description;
	}

	static V3Codecs parse(final JsonNode codecs, final DataType type, final int rank) {
		if (codecs == null || !codecs.isArray() || codecs.size() == 0)
			throw new FormatException("codecs is missing or empty");
		int[] order = null;
		ByteOrder endian = null;
		final List<Step> steps = new ArrayList<>();
		final List<String> names = new ArrayList<>();
		for (final JsonNode codec : codecs) {
			final String name = codec.isTextual() ? codec.asText() : codec.path("name").asText("");
			final JsonNode configuration = codec.path("configuration");
			if (name.equals("sharding_indexed"))
				throw new FormatException("nested sharding (sharding_indexed inside a shard's codecs) is not "
						+ "supported; inner chunks may use " + String.join(", ", SUPPORTED));
			if (!SUPPORTED.contains(name))
				throw new FormatException("the codec '" + (name.isEmpty() ? codec : name) + "' is not supported; "
						+ "supported: " + String.join(", ", SUPPORTED));
			if (name.equals("transpose")) {
				if (order != null || endian != null)
					throw new FormatException("transpose must come once, before bytes");
				order = permutation(configuration.get("order"), rank);
				names.add("transpose(" + Arrays.toString(order).replaceAll("[\\[\\] ]", "") + ")");
			} else if (name.equals("bytes")) {
				if (endian != null)
					throw new FormatException("the chain has more than one array-to-bytes codec");
				final String e = configuration.path("endian").asText(type.size() == 1 ? "little" : "");
				if (!e.equals("little") && !e.equals("big"))
					throw new FormatException("bytes codec endian '" + e + "' is neither \"little\" nor \"big\"");
				endian = e.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
				names.add(type.size() == 1 ? "bytes" : "bytes(" + e + ")");
			} else {
				if (endian == null)
					throw new FormatException("the codec " + name + " comes before the bytes codec");
				final String described = describe(name, configuration);
				steps.add(new Step(name.equals("crc32c") ? null : Compressors.of(name, described, SUPPORTED)));
				names.add(described);
			}
		}
		if (endian == null)
			throw new FormatException("the chain has no array-to-bytes codec (bytes)");
		return new V3Codecs(order, endian, steps, String.join(" / ", names));
	}

	private static String describe(final String name, final JsonNode configuration) {
		switch (name) {
		case "gzip":
			return "gzip(level=" + configuration.path("level").asText("?") + ")";
		case "zstd":
			return "zstd(level=" + configuration.path("level").asText("?")
					+ (configuration.path("checksum").asBoolean(false) ? ", checksum" : "") + ")";
		case "blosc":
			return "blosc(" + configuration.path("cname").asText("?") + ", clevel=" + configuration.path("clevel")
					.asText("?") + ", " + configuration.path("shuffle").asText("?") + ")";
		default:
			return name;
		}
	}

	private static int[] permutation(final JsonNode node, final int rank) {
		if (node == null || !node.isArray() || node.size() != rank)
			throw new FormatException("transpose order " + node + " must list " + rank + " axes");
		final int[] order = new int[rank];
		final boolean[] seen = new boolean[rank];
		for (int i = 0; i < rank; i++) {
			final int axis = node.get(i).asInt(-1);
			if (!node.get(i).isInt() || axis < 0 || axis >= rank || seen[axis])
				throw new FormatException("transpose order " + node + " is not a permutation of 0.." + (rank - 1));
			seen[axis] = true;
			order[i] = axis;
		}
		return order;
	}

	/** The encoded axis order (encoded axis i is decoded axis {@code order[i]}), or null for none. */
	int[] order() {
		return order == null ? null : order.clone();
	}

	ByteOrder endian() {
		return endian;
	}

	List<Step> steps() {
		return steps;
	}

	/** The first compressor's id, for metadata records; {@code none} when the chain compresses nothing. */
	String compressorId() {
		return steps.stream().filter(s -> !s.isChecksum()).map(s -> s.compressor.id()).findFirst().orElse("none");
	}

	/** The chain for people, e.g. {@code bytes(little) / zstd(level=3, checksum) / crc32c}. */
	String describe() {
		return description;
	}
}
