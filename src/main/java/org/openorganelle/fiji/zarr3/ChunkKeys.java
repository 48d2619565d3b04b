package org.openorganelle.fiji.zarr3;

import org.openorganelle.fiji.array.FormatException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A v3 {@code chunk_key_encoding}: {@code default} ({@code c/0/1/2}, or {@code c.0.1.2} with
 * separator {@code .}) or {@code v2} ({@code 0.1.2}, or {@code 0/1/2} with separator {@code /}).
 */
final class ChunkKeys {

	private final boolean prefixed;
	private final String separator;

	private ChunkKeys(final boolean prefixed, final String separator) {
		this.prefixed = prefixed;
		this.separator = separator;
	}

	static ChunkKeys parse(final JsonNode node) {
		final String name = node == null ? "" : node.path("name").asText("");
		final boolean prefixed;
		if (name.equals("default"))
			prefixed = true;
		else if (name.equals("v2"))
			prefixed = false;
		else
			throw new FormatException("chunk_key_encoding " + node + " is not supported; only \"default\" and \"v2\"");
		final String separator = node.path("configuration").path("separator").asText(prefixed ? "/" : ".");
		if (!separator.equals("/") && !separator.equals("."))
			throw new FormatException("chunk_key_encoding separator '" + separator + "' is neither \"/\" nor \".\"");
		return new ChunkKeys(prefixed, separator);
	}

	String name(final long[] position) {
		final StringBuilder key = new StringBuilder(prefixed ? "c" : "");
		for (int d = 0; d < position.length; d++) {
			if (d > 0 || prefixed)
				key.append(separator);
			key.append(position[d]);
		}
		return key.length() == 0 ? "0" : key.toString();
	}
}
