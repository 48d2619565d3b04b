package org.openorganelle.fiji.multiscale;

import org.openorganelle.fiji.array.FormatException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * N5's {@code pixelResolution} ({@code {dimensions, unit}} or a bare list, x,y,z), and the
 * geometry of a level downsampled from it by factors (x,y,z): voxel size resolution ×
 * factor, offset (factor − 1) × resolution / 2 (the centre of the downsampled block), in C
 * order and nanometres.
 */
final class PixelResolution {

	private final double[] xyz;
	private final double nanometres;

	private PixelResolution(final double[] xyz, final double nanometres) {
		this.xyz = xyz;
		this.nanometres = nanometres;
	}

	/**
	 * @param where what the resolution belongs to, for errors ("" for a group's own)
	 * @throws FormatException when it lists no dimensions or anything but numbers
	 */
	static PixelResolution parse(final JsonNode node, final String where) {
		final JsonNode dimensions = node.isArray() ? node : node.get("dimensions");
		if (dimensions == null || !dimensions.isArray() || dimensions.size() == 0)
			throw new FormatException("pixelResolution " + node + (where.isEmpty() ? "" : " of " + where)
					+ " lists no dimensions");
		final double[] xyz = new double[dimensions.size()];
		MultiscaleParser.copy(dimensions, xyz, "pixelResolution");
		return new PixelResolution(xyz, Units.nanometresPer(node.path("unit").asText(null)));
	}

	int rank() {
		return xyz.length;
	}

	/** The geometry of a level downsampled by {@code factors} (x,y,z; {@link #rank()} of them). */
	LevelTransform level(final String path, final double[] factors) {
		final int rank = xyz.length;
		final double[] scale = new double[rank];
		final double[] translation = new double[rank];
		for (int d = 0; d < rank; d++) {
			final int f = rank - 1 - d; // N5 lists x,y,z; arrays are z,y,x
			scale[d] = xyz[f] * factors[f] * nanometres;
			translation[d] = (factors[f] - 1) * xyz[f] * nanometres / 2;
		}
		return new LevelTransform(path, scale, translation);
	}
}
