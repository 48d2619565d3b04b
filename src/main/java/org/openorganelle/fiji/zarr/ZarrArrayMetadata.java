package org.openorganelle.fiji.zarr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.openorganelle.fiji.zarr.codec.Compressor;
import org.openorganelle.fiji.zarr.codec.Compressors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The contents of a Zarr v2 {@code .zarray}: shape, chunk shape, dtype, fill value,
 * memory order, chunk-key separator, compressor and filters, validated.
 */
public final class ZarrArrayMetadata {

	/** The largest chunk, in bytes, that fits one Java array. */
	public static final long MAX_CHUNK_BYTES = Integer.MAX_VALUE - 8;

	private final long[] shape;
	private final int[] chunks;
	private final DataType dataType;
	private final FillValue fillValue;
	private final boolean fortranOrder;
	private final String separator;
	private final Compressor compressor;
	private final List<String> filters;
	private final ObjectNode json;

	private ZarrArrayMetadata(final long[] shape, final int[] chunks, final DataType dataType,
			final FillValue fillValue, final boolean fortranOrder, final String separator, final Compressor compressor,
			final List<String> filters, final ObjectNode json) {
		this.shape = shape;
		this.chunks = chunks;
		this.dataType = dataType;
		this.fillValue = fillValue;
		this.fortranOrder = fortranOrder;
		this.separator = separator;
		this.compressor = compressor;
		this.filters = filters;
		this.json = json;
	}

	/**
	 * Parses and validates a {@code .zarray} document.
	 *
	 * @param uri the document's URI, named in every error
	 * @throws ZarrFormatException for truncated JSON, a wrong {@code zarr_format}, negative or
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
		} catch (final ZarrFormatException e) {
			if (e.getMessage().contains(uri))
				throw e;
			throw new ZarrFormatException("invalid array metadata " + uri + ": " + e.getMessage(), e);
		}
	}

	private static ZarrArrayMetadata validate(final ObjectNode json, final String uri) {
		final JsonNode format = json.get("zarr_format");
		if (format == null || format.asInt() != 2)
			throw new ZarrFormatException("zarr_format is " + format + ", only 2 is supported");
		final long[] shape = longs(json.get("shape"), "shape", 0);
		final long[] chunkLongs = longs(json.get("chunks"), "chunks", 1);
		if (shape.length != chunkLongs.length || shape.length == 0)
			throw new ZarrFormatException(
					"shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunkLongs)
							+ " must have the same, non-zero number of dimensions");
		final DataType dataType = DataType.parse(json.path("dtype").asText(null));
		long chunkBytes = dataType.size();
		final int[] chunks = new int[chunkLongs.length];
		for (int d = 0; d < chunks.length; d++) {
			chunkBytes = chunkBytes * chunkLongs[d];
			if (chunkLongs[d] > MAX_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES)
				throw new ZarrFormatException("chunks " + Arrays.toString(chunkLongs) + " of " + dataType
						+ " exceed the largest supported chunk of " + MAX_CHUNK_BYTES + " bytes");
			chunks[d] = (int) chunkLongs[d];
		}
		final String order = json.path("order").asText("C");
		if (!order.equals("C") && !order.equals("F"))
			throw new ZarrFormatException("order '" + order + "' is neither \"C\" nor \"F\"");
		final JsonNode separatorNode = json.get("dimension_separator");
		final String separator = separatorNode == null || separatorNode.isNull() ? "." : separatorNode.asText();
		if (!separator.equals(".") && !separator.equals("/"))
			throw new ZarrFormatException("dimension_separator '" + separator + "' is neither \".\" nor \"/\"");
		return new ZarrArrayMetadata(shape, chunks, dataType, FillValue.parse(json.get("fill_value"), dataType),
				order.equals("F"), separator, Compressors.fromJson(json.get("compressor")),
				filterIds(json.get("filters")), json);
	}

	private static long[] longs(final JsonNode node, final String field, final long min) {
		if (node == null || !node.isArray())
			throw new ZarrFormatException(field + " is missing or not a list");
		final long[] values = new long[node.size()];
		for (int i = 0; i < values.length; i++) {
			final JsonNode v = node.get(i);
			if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < min)
				throw new ZarrFormatException(field + " " + node + " must hold integers >= " + min);
			values[i] = v.longValue();
		}
		return values;
	}

	private static List<String> filterIds(final JsonNode node) {
		if (node == null || node.isNull())
			return Collections.emptyList();
		if (!node.isArray())
			throw new ZarrFormatException("filters " + node + " is not a list");
		final List<String> ids = new ArrayList<>();
		node.forEach(f -> ids.add(f.path("id").asText(f.toString())));
		return Collections.unmodifiableList(ids);
	}

	/** The array's shape (a copy). */
	public long[] shape() {
		return shape.clone();
	}

	/** The chunk shape (a copy). */
	public int[] chunks() {
		return chunks.clone();
	}

	public int rank() {
		return shape.length;
	}

	public DataType dataType() {
		return dataType;
	}

	public FillValue fillValue() {
		return fillValue;
	}

	/** Whether chunks are stored in Fortran ({@code "F"}) order; readers return C order regardless. */
	public boolean isFortranOrder() {
		return fortranOrder;
	}

	/** The chunk-key separator, {@code "."} or {@code "/"}. */
	public String separator() {
		return separator;
	}

	public Compressor compressor() {
		return compressor;
	}

	/** The ids of the declared filters; reading an array with filters fails with a clear error. */
	public List<String> filters() {
		return filters;
	}

	/** The {@code .zarray} document as read. */
	public ObjectNode json() {
		return json.deepCopy();
	}

	/** Number of chunks along each dimension (edge chunks included). */
	public long[] chunkGrid() {
		final long[] grid = new long[shape.length];
		for (int d = 0; d < grid.length; d++)
			grid[d] = (shape[d] + chunks[d] - 1) / chunks[d];
		return grid;
	}

	/** Total number of chunks in the grid. */
	public long chunkCount() {
		long n = 1;
		for (final long g : chunkGrid())
			n = Math.multiplyExact(n, g);
		return n;
	}

	/** Elements in one (full) chunk. */
	public int chunkElements() {
		int n = 1;
		for (final int c : chunks)
			n *= c;
		return n;
	}

	/** Bytes of one decoded (full) chunk. */
	public int chunkBytes() {
		return chunkElements() * dataType.size();
	}

	/** Elements in the whole array. */
	public long elementCount() {
		long n = 1;
		for (final long s : shape)
			n = Math.multiplyExact(n, s);
		return n;
	}

	/** Bytes of the whole array, uncompressed. */
	public long uncompressedBytes() {
		return Math.multiplyExact(elementCount(), dataType.size());
	}
}
