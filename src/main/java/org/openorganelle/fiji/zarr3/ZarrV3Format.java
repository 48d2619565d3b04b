package org.openorganelle.fiji.zarr3;

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
 * Zarr v3 hierarchies: every node has a {@code zarr.json} whose {@code node_type} says
 * array or group, with the node's {@code attributes} inside it.
 */
public final class ZarrV3Format implements ContainerFormat {

	/** The one instance. */
	public static final ZarrV3Format INSTANCE = new ZarrV3Format();

	/** The name of every node's metadata document. */
	public static final String METADATA = "zarr.json";

	private ZarrV3Format() {
	}

	@Override
	public String name() {
		return "Zarr v3";
	}

	@Override
	public Node node(final KeyValueStore store, final String path, final Listing listing) {
		if (!listing.objects().contains(METADATA))
			return Node.group(Optional.empty());
		final Optional<ObjectNode> document = document(store, path);
		if (document.isPresent() && document.get().path("node_type").asText("").equals("array"))
			return Node.array();
		return Node.group(document.map(ZarrV3Format::attributesOf));
	}

	@Override
	public Optional<ObjectNode> attributes(final KeyValueStore store, final String path) {
		return document(store, path).map(ZarrV3Format::attributesOf);
	}

	@Override
	public Optional<ObjectNode> attributes(final ChunkedArray array) {
		return Optional.of(attributesOf(array.metadata().json()));
	}

	@Override
	public ChunkedArray openArray(final KeyValueStore store, final String path) {
		final String key = NodePaths.child(NodePaths.normalize(path), METADATA);
		final ObjectNode document = document(store, path).orElseThrow(() -> new FormatException("no Zarr v3 array at "
				+ store.uri(NodePaths.normalize(path)) + " (" + store.uri(key) + " not found)"));
		if (!document.path("node_type").asText("").equals("array"))
			throw new FormatException("no Zarr v3 array at " + store.uri(NodePaths.normalize(path)) + ": "
					+ store.uri(key) + " describes a " + document.path("node_type").asText("node without node_type"));
		final ZarrV3ArrayMetadata metadata = ZarrV3ArrayMetadata.parse(document, store.uri(key));
		return new ChunkedArray(store, path, metadata.metadata(), metadata.layout());
	}

	private static Optional<ObjectNode> document(final KeyValueStore store, final String path) {
		final String key = NodePaths.child(NodePaths.normalize(path), METADATA);
		return Json.read(store, key);
	}

	private static ObjectNode attributesOf(final ObjectNode document) {
		return document.path("attributes").isObject() ? (ObjectNode) document.get("attributes").deepCopy()
				: Json.mapper().createObjectNode();
	}
}
