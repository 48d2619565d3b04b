package org.openorganelle.fiji.zarr;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.NodePaths;
import org.openorganelle.fiji.store.ByteRange;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.Listing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A store view that answers metadata reads ({@code .zgroup}, {@code .zattrs},
 * {@code .zarray}) and node listings from a container's consolidated {@code .zmetadata},
 * so walking a consolidated hierarchy costs one request. Chunk reads, and metadata keys
 * the consolidated document does not hold, go to the underlying store (per-node reads).
 */
public final class ConsolidatedMetadata implements KeyValueStore {

	/** The key of consolidated metadata at a container's root. */
	public static final String KEY = ".zmetadata";

	private final KeyValueStore store;
	private final Map<String, byte[]> documents;

	private ConsolidatedMetadata(final KeyValueStore store, final Map<String, byte[]> documents) {
		this.store = store;
		this.documents = documents;
	}

	/**
	 * Reads {@code .zmetadata} at the store's root.
	 *
	 * @return the consolidated view, or empty when the container has no {@code .zmetadata}
	 * @throws FormatException when {@code .zmetadata} exists but is invalid
	 */
	public static Optional<KeyValueStore> open(final KeyValueStore store) {
		final Optional<byte[]> bytes = store.get(KEY);
		if (bytes.isEmpty())
			return Optional.empty();
		final String uri = store.uri(KEY);
		final ObjectNode root = Json.parseObject(bytes.get(), uri);
		final JsonNode metadata = root.get("metadata");
		if (metadata == null || !metadata.isObject() || root.path("zarr_consolidated_format").asInt() != 1)
			throw new FormatException("invalid consolidated metadata " + uri
					+ ": expected zarr_consolidated_format 1 and a metadata object");
		final Map<String, byte[]> documents = new HashMap<>();
		final Iterator<Map.Entry<String, JsonNode>> entries = metadata.fields();
		try {
			while (entries.hasNext()) {
				final Map.Entry<String, JsonNode> e = entries.next();
				documents.put(NodePaths.normalize(e.getKey()), Json.mapper().writeValueAsBytes(e.getValue()));
			}
		} catch (final JsonProcessingException e) {
			throw new FormatException("invalid consolidated metadata " + uri, e);
		}
		return Optional.of(new ConsolidatedMetadata(store, documents));
	}

	@Override
	public Optional<byte[]> get(final String key) {
		final byte[] document = documents.get(NodePaths.normalize(key));
		return document != null ? Optional.of(document.clone()) : store.get(key);
	}

	@Override
	public Optional<byte[]> getRange(final String key, final ByteRange range) {
		final byte[] document = documents.get(NodePaths.normalize(key));
		return document != null ? Optional.of(range.slice(document, uri(key))) : store.getRange(key, range);
	}

	@Override
	public Listing list(final String prefix) {
		final String base = NodePaths.normalize(prefix);
		final String start = base.isEmpty() ? "" : base + "/";
		final TreeSet<String> prefixes = new TreeSet<>();
		final TreeSet<String> objects = new TreeSet<>();
		for (final String key : documents.keySet()) {
			if (!key.startsWith(start))
				continue;
			final String rest = key.substring(start.length());
			final int slash = rest.indexOf('/');
			if (slash < 0)
				objects.add(rest);
			else
				prefixes.add(rest.substring(0, slash));
		}
		return new Listing(prefixes, objects);
	}

	@Override
	public String uri(final String key) {
		return store.uri(key);
	}
}
