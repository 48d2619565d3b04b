package org.openorganelle.fiji.multiscale;

import java.util.Arrays;
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
		final JsonNode node = attributes.get("pixelResolution");
		if (node == null || node.isNull())
			return Optional.empty();
		final PixelResolution resolution = PixelResolution.parse(node, uri);
		final double[] factors = new double[resolution.rank()];
		Arrays.fill(factors, 1);
		final JsonNode downsampling = attributes.get("downsamplingFactors");
		if (downsampling != null)
			MultiscaleParser.copy(downsampling, factors, "downsamplingFactors of " + uri);
		return Optional.of(resolution.level(level, factors));
	}
}
