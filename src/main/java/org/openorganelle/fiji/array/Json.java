package org.openorganelle.fiji.array;

import java.io.IOException;
import java.util.Optional;

import org.openorganelle.fiji.store.KeyValueStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Parsing of JSON metadata documents, with errors that name the document's URI. */
public final class Json {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private Json() {
	}

	/** The shared, thread-safe mapper. */
	public static ObjectMapper mapper() {
		return MAPPER;
	}

	/**
	 * Parses a JSON object.
	 *
	 * @throws FormatException when the bytes are not a complete JSON object (truncated, not JSON, an array)
	 */
	public static ObjectNode parseObject(final byte[] bytes, final String uri) {
		final JsonNode node;
		try {
			node = MAPPER.readTree(bytes);
		} catch (final IOException e) {
			throw new FormatException("invalid JSON in " + uri + ": " + firstLine(e.getMessage()), e);
		}
		if (node == null || !node.isObject())
			throw new FormatException("invalid JSON in " + uri + ": expected an object");
		return (ObjectNode) node;
	}

	/**
	 * Reads and parses the JSON object document at a key of a store.
	 *
	 * @return the object, or empty when the key does not exist
	 * @throws FormatException when the document is not a complete JSON object, naming its URI
	 */
	public static Optional<ObjectNode> read(final KeyValueStore store, final String key) {
		return store.get(key).map(bytes -> parseObject(bytes, store.uri(key)));
	}

	/**
	 * The integers of a JSON list field, such as a shape.
	 *
	 * @throws FormatException when the field is missing, not a list, or holds anything but integers {@code >= min}
	 */
	public static long[] longs(final JsonNode node, final String field, final long min) {
		if (node == null || !node.isArray())
			throw new FormatException(field + " is missing or not a list");
		final long[] values = new long[node.size()];
		for (int i = 0; i < values.length; i++) {
			final JsonNode v = node.get(i);
			if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < min)
				throw new FormatException(field + " " + node + " must hold integers >= " + min);
			values[i] = v.longValue();
		}
		return values;
	}

	private static String firstLine(final String message) {
		if (message == null)
			return "unreadable";
		final int eol = message.indexOf('\n');
		return eol < 0 ? message : message.substring(0, eol);
	}
}
