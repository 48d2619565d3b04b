package org.openorganelle.fiji.codec;

/**
 * An immutable description of a Zarr v2 compressor, as read from the {@code compressor}
 * field of a {@code .zarray}. It names the codec for people and hands out per-thread
 * {@link Decompressor}s.
 */
public interface Compressor {

	/** The numcodecs id: {@code zstd}, {@code gzip}, {@code zlib}, {@code blosc} or {@code none}. */
	String id();

	/** A short human description, e.g. {@code zstd(level=1)} or {@code blosc(lz4, clevel=5, shuffle)}. */
	String describe();

	/** A new decompressor, for use by one thread at a time. */
	Decompressor newDecompressor();
}
