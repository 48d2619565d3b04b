package org.openorganelle.fiji.codec;

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
		return of("none", "none", SUPPORTED);
	}

	/**
	 * The compressor with a codec id, described as given: {@code none}, {@code zstd},
	 * {@code gzip}, {@code zlib}, {@code blosc}, {@code bzip2}, {@code xz} or {@code lz4-blocks}
	 * (lz4-java's block stream); any other id
	 * gives a compressor whose decompressors fail naming it and the supported ones.
	 *
	 * @param supported what to name as supported in that error
	 */
	public static Compressor of(final String id, final String description, final List<String> supported) {
		switch (id) {
		case "none":
			return new CodecSpec(id, description, RawDecompressor::new);
		case "zstd":
			return new CodecSpec(id, description, ZstdDecompressor::new);
		case "gzip":
			return new CodecSpec(id, description, GzipDecompressor::new);
		case "zlib":
			return new CodecSpec(id, description, ZlibDecompressor::new);
		case "blosc":
			return new CodecSpec(id, description, BloscDecompressor::new);
		case "bzip2":
			return new CodecSpec(id, description, CompressorStreamDecompressor::bzip2);
		case "xz":
			return new CodecSpec(id, description, CompressorStreamDecompressor::xz);
		case "lz4-blocks":
			return new CodecSpec("lz4", description, Lz4BlockStreamDecompressor::new);
		default:
			return unsupported(id, supported);
		}
	}

	/** A compressor whose decompressors fail naming its id and the supported ones. */
	public static Compressor unsupported(final String id, final List<String> supported) {
		final String message = "unsupported compressor '" + id + "'; supported: " + String.join(", ", supported);
		return new CodecSpec(id, "unsupported: " + id, () -> {
			throw new CodecException(message);
		});
	}

	/** A short description of a Blosc configuration, e.g. {@code blosc(lz4, clevel=5, shuffle)}. */
	public static String describeBlosc(final JsonNode node) {
		final int shuffle = node.path("shuffle").asInt(1);
		final String shuffleName = shuffle >= 0 && shuffle < SHUFFLES.length ? SHUFFLES[shuffle]
				: shuffle == -1 ? "autoshuffle" : "shuffle=" + shuffle;
		return "blosc(" + node.path("cname").asText("?") + ", clevel=" + node.path("clevel").asText("?") + ", "
				+ shuffleName + ")";
	}

	/** Parses a {@code .zarray} compressor object, or JSON {@code null} for none. */
	public static Compressor fromJson(final JsonNode node) {
		if (node == null || node.isNull())
			return none();
		final String id = node.path("id").asText("");
		switch (id) {
		case "zstd":
		case "gzip":
		case "zlib":
			return of(id, id + "(level=" + node.path("level").asText("?") + ")", SUPPORTED);
		case "blosc":
			return of(id, describeBlosc(node), SUPPORTED);
		default:
			return unsupported(id.isEmpty() ? node.toString() : id, SUPPORTED);
		}
	}
}
