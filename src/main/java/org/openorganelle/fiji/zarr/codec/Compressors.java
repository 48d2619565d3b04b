package org.openorganelle.fiji.zarr.codec;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the {@code compressor} field of a Zarr v2 {@code .zarray} into a {@link Compressor}.
 * Supported, all in pure Java but zstd, which is native where zstd-jni loads and pure Java
 * elsewhere ({@link ZstdDecoders}): {@code null} (raw), {@code zstd} (with or without the
 * {@code checksum} field numcodecs 0.13+ writes), {@code gzip}, {@code zlib} and
 * {@code blosc} (blosclz, lz4, lz4hc, snappy, zlib, zstd; no, byte or bit shuffle).
 * <p>
 * An unknown id is not an error when metadata is read (so listings still show the
 * array); it becomes a {@link CodecException} naming the codec as soon as a chunk is
 * decoded.
 */
public final class Compressors {

	/** The compressor ids this reader decodes. */
	public static final List<String> SUPPORTED = List.of("zstd", "gzip", "zlib", "blosc", "null (none)");

	private static final String[] SHUFFLES = { "noshuffle", "shuffle", "bitshuffle" };

	private Compressors() {
	}

	/** The raw (uncompressed) codec. */
	public static Compressor none() {
		return new CodecSpec("none", "none", RawDecompressor::new);
	}

	/** Parses a {@code .zarray} compressor object, or JSON {@code null} for none. */
	public static Compressor fromJson(final JsonNode node) {
		if (node == null || node.isNull())
			return none();
		final String id = node.path("id").asText("");
		switch (id) {
		case "zstd":
			return new CodecSpec(id, "zstd(level=" + node.path("level").asText("?") + ")", ZstdDecompressor::new);
		case "gzip":
			return new CodecSpec(id, "gzip(level=" + node.path("level").asText("?") + ")", GzipDecompressor::new);
		case "zlib":
			return new CodecSpec(id, "zlib(level=" + node.path("level").asText("?") + ")", ZlibDecompressor::new);
		case "blosc":
			return new CodecSpec(id, describeBlosc(node), BloscDecompressor::new);
		default:
			return unsupported(id.isEmpty() ? node.toString() : id);
		}
	}

	private static String describeBlosc(final JsonNode node) {
		final int shuffle = node.path("shuffle").asInt(1);
		final String shuffleName = shuffle >= 0 && shuffle < SHUFFLES.length ? SHUFFLES[shuffle]
				: shuffle == -1 ? "autoshuffle" : "shuffle=" + shuffle;
		return "blosc(" + node.path("cname").asText("?") + ", clevel=" + node.path("clevel").asText("?") + ", "
				+ shuffleName + ")";
	}

	private static Compressor unsupported(final String id) {
		final String message = "unsupported compressor '" + id + "'; supported: " + String.join(", ", SUPPORTED);
		return new CodecSpec(id, "unsupported: " + id, () -> {
			throw new CodecException(message);
		});
	}
}
