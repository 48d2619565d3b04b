package org.openorganelle.fiji.array;

import java.io.IOException;

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

	private static String firstLine(final String message) {
		if (message == null)
			return "unreadable";
		final int eol = message.indexOf('\n');
		return eol < 0 ? message : message.substring(0, eol);
	}
}
