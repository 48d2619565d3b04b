package org.openorganelle.fiji.array;

import java.util.Optional;

import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.Listing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How one container format (Zarr v2, N5) lays out its hierarchy: which nodes are arrays,
 * where a node's attributes are, and how an array opens. Discovery and multiscale code
 * walk containers only through this, so every format looks the same above it.
 */
public interface ContainerFormat {

	/** The format's name for people and metadata records, e.g. {@code Zarr v2} or {@code N5}. */
	String name();

	/**
	 * What the node at a path is, from its listing; reads at most the node's metadata
	 * document, never a chunk.
	 *
	 * @throws FormatException when its metadata document is malformed
	 */
	Node node(KeyValueStore store, String path, Listing listing);

	/**
	 * The user attributes of the group or array at a path, when it has any (one read).
	 *
	 * @throws FormatException when they are malformed
	 */
	Optional<ObjectNode> attributes(KeyValueStore store, String path);

	/**
	 * The attributes of an opened array: by default read again with
	 * {@link #attributes(KeyValueStore, String)}; formats that keep them in the array's
	 * metadata document answer without a read.
	 */
	default Optional<ObjectNode> attributes(final ChunkedArray array) {
		return attributes(array.store(), array.path());
	}

	/**
	 * Opens the array at a path (reads its metadata document only).
	 *
	 * @throws FormatException when there is no array at the path or its metadata is invalid
	 */
	ChunkedArray openArray(KeyValueStore store, String path);
}
