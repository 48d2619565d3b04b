package org.openorganelle.fiji.zarr;

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
 * Zarr v2 hierarchies: arrays have {@code .zarray}, attributes are in {@code .zattrs}
 * (on groups and arrays), groups may have {@code .zgroup}.
 */
public final class ZarrV2Format implements ContainerFormat {

	/** The one instance. */
	public static final ZarrV2Format INSTANCE = new ZarrV2Format();

	private ZarrV2Format() {
	}

	@Override
	public String name() {
		return "Zarr v2";
	}

	@Override
	public Node node(final KeyValueStore store, final String path, final Listing listing) {
		if (listing.objects().contains(".zarray"))
			return Node.array();
		if (!listing.objects().contains(".zattrs"))
			return Node.group(Optional.empty());
		return Node.group(attributes(store, path));
	}

	@Override
	public Optional<ObjectNode> attributes(final KeyValueStore store, final String path) {
		final String key = NodePaths.child(NodePaths.normalize(path), ".zattrs");
		return Json.read(store, key);
	}

	@Override
	public ChunkedArray openArray(final KeyValueStore store, final String path) {
		final String key = NodePaths.child(NodePaths.normalize(path), ".zarray");
		final byte[] bytes = store.get(key).orElseThrow(() -> new FormatException(
				"no Zarr array at " + store.uri(NodePaths.normalize(path)) + " (" + store.uri(key) + " not found)"));
		return ZarrArrayMetadata.parse(bytes, store.uri(key)).array(store, path);
	}
}
