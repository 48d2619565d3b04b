package org.openorganelle.fiji.multiscale;

import java.util.Optional;

import org.openorganelle.fiji.array.FormatException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The geometry one array's own attributes give, for levels whose group describes none: a
 * COSEM {@code transform}, or else an N5 {@code pixelResolution} (x,y,z; the level's own
 * voxel size, as COSEM writes it) with the n5-viewer {@code downsamplingFactors} when
 * present (then {@code pixelResolution} is the full-resolution voxel size and the level
 * is offset by half a voxel per factor). Values come out in C order and nanometres.
 */
final class ArrayGeometry {

	private ArrayGeometry() {
	}

	/**
	 * @param attributes the array's attributes
	 * @param level the level's name
	 * @param uri the array's URI, named in errors
	 * @return the geometry, or empty when the attributes give none
	 * @throws FormatException when a transform or resolution is present but malformed
	 */
	static Optional<LevelTransform> parse(final ObjectNode attributes, final String level, final String uri) {
		if (attributes.has("transform"))
			return Optional.of(CosemTransform.parse(attributes.get("transform"), uri).toLevelTransform(level));
		final JsonNode resolution = attributes.get("pixelResolution");
		if (resolution == null || resolution.isNull())
			return Optional.empty();
		final JsonNode dimensions = resolution.isArray() ? resolution : resolution.get("dimensions");
		if (dimensions == null || !dimensions.isArray() || dimensions.size() == 0)
			throw new FormatException("pixelResolution " + resolution + " of " + uri + " lists no dimensions");
		final double factor = Units.nanometresPer(resolution.path("unit").asText(null));
		final JsonNode factors = attributes.get("downsamplingFactors");
		final int rank = dimensions.size();
		if (factors != null && (!factors.isArray() || factors.size() != rank))
			throw new FormatException("downsamplingFactors " + factors + " of " + uri + " must list " + rank
					+ " numbers");
		final double[] scale = new double[rank];
		final double[] translation = new double[rank];
		for (int d = 0; d < rank; d++) {
			final int f = rank - 1 - d; // N5 lists x,y,z; arrays are z,y,x
			final JsonNode value = dimensions.get(f);
			if (!value.isNumber() || factors != null && !factors.get(f).isNumber())
				throw new FormatException("pixelResolution " + resolution + " of " + uri + " must list numbers");
			final double downsampling = factors == null ? 1 : factors.get(f).doubleValue();
			scale[d] = value.doubleValue() * downsampling * factor;
			translation[d] = (downsampling - 1) * value.doubleValue() * factor / 2;
		}
		return Optional.of(new LevelTransform(level, scale, translation));
	}
}
