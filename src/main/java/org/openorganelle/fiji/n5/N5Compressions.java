package org.openorganelle.fiji.n5;

import java.util.List;

import org.openorganelle.fiji.codec.Compressor;
import org.openorganelle.fiji.codec.Compressors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the {@code compression} of N5 array attributes (or the {@code compressionType} of
 * containers older than N5 1.0): {@code raw}, {@code gzip} (gzip members, or zlib streams
 * with {@code useZlib}), {@code bzip2}, {@code xz}, {@code lz4} (lz4-java block streams, as
 * n5-java writes them), {@code blosc} and {@code zstd} as n5-blosc and n5-zstandard write them. An unknown type is not an error until a block is
 * decoded, so listings still show the array.
 */
final class N5Compressions {

	/** The compression types this reader decodes. */
	static final List<String> SUPPORTED = List.of("raw", "gzip", "bzip2", "xz", "lz4", "blosc", "zstd");

	private N5Compressions() {
	}

	static Compressor fromAttributes(final ObjectNode attributes) {
		final JsonNode compression = attributes.get("compression");
		if (compression == null || compression.isNull())
			return fromType(attributes.path("compressionType").asText("raw"), attributes);
		return fromType(compression.path("type").asText(""), compression);
	}

	private static Compressor fromType(final String type, final JsonNode node) {
		final String level = node.path("level").asText("?");
		switch (type) {
		case "raw":
			return Compressors.of("none", "raw", SUPPORTED);
		case "gzip":
			return node.path("useZlib").asBoolean(false) ? Compressors.of("zlib", "zlib(level=" + level + ")", SUPPORTED)
					: Compressors.of("gzip", "gzip(level=" + level + ")", SUPPORTED);
		case "bzip2":
			return Compressors.of("bzip2", "bzip2(blockSize=" + node.path("blockSize").asText("?") + ")", SUPPORTED);
		case "xz":
			return Compressors.of("xz", "xz(preset=" + node.path("preset").asText("?") + ")", SUPPORTED);
		case "blosc":
			return Compressors.of("blosc", Compressors.describeBlosc(node), SUPPORTED);
		case "zstd":
			return Compressors.of("zstd", "zstd(level=" + level + ")", SUPPORTED);
		case "lz4":
			return Compressors.of("lz4-blocks", "lz4(blockSize=" + node.path("blockSize").asText("?") + ")", SUPPORTED);
		default:
			return Compressors.unsupported(type.isEmpty() ? node.toString() : type, SUPPORTED);
		}
	}
}
