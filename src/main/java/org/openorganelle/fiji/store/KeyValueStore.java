package org.openorganelle.fiji.store;

import java.util.Optional;

/**
 * Where the bytes of a Zarr hierarchy live: an S3 bucket prefix, an HTTP(S) base URL
 * or a local directory. Keys are relative, '/'-separated paths below the store's root
 * (for example {@code recon-1/em/fibsem-uint8/s0/.zarray}); the empty string names
 * the root.
 * <p>
 * Implementations are thread-safe: many chunks are fetched in parallel through one
 * store.
 */
public interface KeyValueStore {

	/**
	 * Reads a whole value.
	 *
	 * @return the bytes, or empty when the key does not exist (HTTP 404, no such file);
	 *         for a chunk, absence means "fill value"
	 * @throws StoreException for every other failure (403, 5xx, timeout, reset, I/O error),
	 *         naming the key's URI; a failure is never returned as data
	 */
	Optional<byte[]> get(String key);

	/**
	 * Reads part of a value (one ranged request where the store supports them).
	 *
	 * @return exactly {@code range.length()} bytes, or empty when the key does not exist
	 * @throws StoreException for every failure {@link #get(String)} throws for, and when the
	 *         value is too short to hold the range (not retryable) or an answer has the wrong
	 *         length (retryable), naming the key's URI and the range
	 */
	Optional<byte[]> getRange(String key, ByteRange range);

	/**
	 * Lists the direct children of a prefix, like an S3 delimiter listing.
	 *
	 * @param prefix a key prefix, with or without a trailing '/'; the empty string lists the root
	 * @return the child names (not full keys), split into sub-prefixes and objects; empty
	 *         when nothing exists below the prefix
	 * @throws StoreException when the listing fails or is denied
	 */
	Listing list(String prefix);

	/** The absolute URI of a key, for messages and metadata (never contains credentials). */
	String uri(String key);
}
