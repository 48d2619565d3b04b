package org.openorganelle.fiji.zarr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkLayout;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.FillValue;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.codec.Compressors;
import org.openorganelle.fiji.store.KeyValueStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The contents of a Zarr v2 {@code .zarray}, validated: the format-neutral
 * {@link ArrayMetadata} (shape, chunk shape, dtype, fill value, compressor) and the Zarr
 * specifics (memory order, chunk-key separator, filters) that make its {@link ChunkLayout}.
 */
public final class ZarrArrayMetadata {

	private final ArrayMetadata metadata;
	private final boolean fortranOrder;
	private final String separator;
	private final List<String> filters;

	private ZarrArrayMetadata(final ArrayMetadata metadata, final boolean fortranOrder, final String separator,
			final List<String> filters) {
		this.metadata = metadata;
		this.fortranOrder = fortranOrder;
		this.separator = separator;
		this.filters = filters;
	}

	/**
	 * Parses and validates a {@code .zarray} document.
	 *
	 * @param uri the document's URI, named in every error
	 * @throws FormatException for truncated JSON, a wrong {@code zarr_format}, negative or
	 *         non-integer shape, zero or negative chunk sizes, mismatched ranks, an unknown dtype,
	 *         order or separator, an invalid fill value or a chunk too large to hold in memory
	 */
	public static ZarrArrayMetadata parse(final byte[] bytes, final String uri) {
		return parse(Json.parseObject(bytes, uri), uri);
	}

	/** Validates an already parsed {@code .zarray} object (e.g. from consolidated metadata). */
	public static ZarrArrayMetadata parse(final ObjectNode json, final String uri) {
		try {
			return validate(json, uri);
		} catch (final FormatException e) {
			if (e.getMessage().contains(uri))
				throw e;
			throw new FormatException("invalid array metadata " + uri + ": " + e.getMessage(), e);
		}
	}

	private static ZarrArrayMetadata validate(final ObjectNode json, final String uri) {
		final JsonNode format = json.get("zarr_format");
		if (format == null || format.asInt() != 2)
			throw new FormatException("zarr_format is " + format + ", only 2 is supported");
		final long[] shape = Json.longs(json.get("shape"), "shape", 0);
		final long[] chunkLongs = Json.longs(json.get("chunks"), "chunks", 1);
		final DataType dataType = DataType.parse(json.path("dtype").asText(null));
		final String order = json.path("order").asText("C");
		if (!order.equals("C") && !order.equals("F"))
			throw new FormatException("order '" + order + "' is neither \"C\" nor \"F\"");
		final JsonNode separatorNode = json.get("dimension_separator");
		final String separator = separatorNode == null || separatorNode.isNull() ? "." : separatorNode.asText();
		if (!separator.equals(".") && !separator.equals("/"))
			throw new FormatException("dimension_separator '" + separator + "' is neither \".\" nor \"/\"");
		final ArrayMetadata metadata = new ArrayMetadata(shape, chunkLongs, dataType,
				FillValue.parse(json.get("fill_value"), dataType), Compressors.fromJson(json.get("compressor")), json);
		return new ZarrArrayMetadata(metadata, order.equals("F"), separator, filterIds(json.get("filters")));
	}

	private static List<String> filterIds(final JsonNode node) {
		if (node == null || node.isNull())
			return Collections.emptyList();
		if (!node.isArray())
			throw new FormatException("filters " + node + " is not a list");
		final List<String> ids = new ArrayList<>();
		node.forEach(f -> ids.add(f.path("id").asText(f.toString())));
		return Collections.unmodifiableList(ids);
	}

	/** The format-neutral part: shape, chunks, data type, fill value, compressor. */
	public ArrayMetadata metadata() {
		return metadata;
	}

	/** The Zarr v2 chunk layout: keys with this separator, memory order, compressor. */
	public ChunkLayout layout() {
		return new ZarrV2Layout(separator, fortranOrder, filters);
	}

	/** The array at a path of a store, described by this metadata. */
	public ChunkedArray array(final KeyValueStore store, final String path) {
		return new ChunkedArray(store, path, metadata, layout());
	}

	/** Whether chunks are stored in Fortran ({@code "F"}) order; readers return C order regardless. */
	public boolean isFortranOrder() {
		return fortranOrder;
	}

	/** The chunk-key separator, {@code "."} or {@code "/"}. */
	public String separator() {
		return separator;
	}

	/** The ids of the declared filters; reading an array with filters fails with a clear error. */
	public List<String> filters() {
		return filters;
	}
}
