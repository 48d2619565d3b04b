package org.openorganelle.fiji.n5;

import java.util.Optional;

import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.ContainerFormat;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Node;
import org.openorganelle.fiji.array.NodePaths;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.Listing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * N5 containers: every node may have an {@code attributes.json}; a node whose attributes
 * hold {@code dimensions} and {@code dataType} is an array (its blocks below it), any other
 * node is a group. The root's attributes carry the {@code n5} version.
 */
public final class N5Format implements ContainerFormat {

	/** The one instance. */
	public static final N5Format INSTANCE = new N5Format();

	/** The name of every node's attributes document. */
	public static final String ATTRIBUTES = "attributes.json";

	private N5Format() {
	}

	@Override
	public String name() {
		return "N5";
	}

	@Override
	public Node node(final KeyValueStore store, final String path, final Listing listing) {
		if (!listing.objects().contains(ATTRIBUTES))
			return Node.group(Optional.empty());
		final Optional<ObjectNode> attributes = attributes(store, path);
		return attributes.isPresent() && N5ArrayAttributes.isArray(attributes.get()) ? Node.array()
				: Node.group(attributes);
	}

	@Override
	public Optional<ObjectNode> attributes(final KeyValueStore store, final String path) {
		final String key = NodePaths.child(NodePaths.normalize(path), ATTRIBUTES);
		return Json.read(store, key);
	}

	@Override
	public Optional<ObjectNode> attributes(final ChunkedArray array) {
		return Optional.of(array.metadata().json());
	}

	@Override
	public ChunkedArray openArray(final KeyValueStore store, final String path) {
		final String key = NodePaths.child(NodePaths.normalize(path), ATTRIBUTES);
		final String uri = store.uri(key);
		final ObjectNode attributes = Json.read(store, key)
				.orElseThrow(() -> new FormatException("no N5 array at " + store.uri(NodePaths.normalize(path)) + " ("
						+ uri + " not found)"));
		if (!N5ArrayAttributes.isArray(attributes))
			throw new FormatException("no N5 array at " + store.uri(NodePaths.normalize(path)) + ": " + uri
					+ " has no dimensions and dataType (it is a group)");
		return new ChunkedArray(store, path, N5ArrayAttributes.parse(attributes, uri), N5BlockLayout.INSTANCE);
	}
}
