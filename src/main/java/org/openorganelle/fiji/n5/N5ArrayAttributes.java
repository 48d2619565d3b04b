package org.openorganelle.fiji.n5;

import java.util.List;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.FillValue;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The array attributes of N5: {@code dimensions} and {@code blockSize} (x,y,z: presented
 * reversed, z,y,x), {@code dataType} and {@code compression}. Decoded blocks come out
 * little-endian (N5 stores big-endian), so {@code uint16} is presented as {@code <u2};
 * absent blocks are zeros.
 */
final class N5ArrayAttributes {

	/** The N5 data types this reader decodes. */
	static final List<String> DATA_TYPES = List.of("uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64",
			"int64", "float32", "float64");

	private N5ArrayAttributes() {
	}

	/** Whether attributes describe an array (they hold {@code dimensions} and {@code dataType}). */
	static boolean isArray(final ObjectNode attributes) {
		return attributes.has("dimensions") && attributes.has("dataType");
	}

	/**
	 * @param uri the attributes' URI, named in errors
	 * @throws FormatException for missing or malformed dimensions, block size or data type
	 */
	static ArrayMetadata parse(final ObjectNode attributes, final String uri) {
		try {
			final long[] shape = reversed(attributes.get("dimensions"), "dimensions", 0);
			final long[] blocks = reversed(attributes.get("blockSize"), "blockSize", 1);
			final DataType dataType = dataType(attributes.path("dataType").asText(""));
			return new ArrayMetadata(shape, blocks, dataType, FillValue.parse(IntNode.valueOf(0), dataType),
					N5Compressions.fromAttributes(attributes), attributes);
		} catch (final FormatException e) {
			throw new FormatException("invalid N5 array attributes " + uri + ": " + e.getMessage(), e);
		}
	}

	private static DataType dataType(final String name) {
		if (!DATA_TYPES.contains(name))
			throw new FormatException("dataType '" + name + "' is not supported; supported: "
					+ String.join(", ", DATA_TYPES));
		final int bits = Integer.parseInt(name.replaceAll("[a-z]", ""));
		final char kind = name.startsWith("float") ? 'f' : name.startsWith("u") ? 'u' : 'i';
		return DataType.parse((bits == 8 ? "|" : "<") + kind + bits / 8);
	}

	/** A list field of N5's x,y,z order, in C (z,y,x) order. */
	private static long[] reversed(final JsonNode node, final String field, final long min) {
		final long[] xyz = Json.longs(node, field, min);
		if (xyz.length == 0)
			throw new FormatException(field + " is missing or not a list");
		final long[] zyx = new long[xyz.length];
		for (int i = 0; i < xyz.length; i++)
			zyx[i] = xyz[xyz.length - 1 - i];
		return zyx;
	}
}
