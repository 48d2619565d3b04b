package org.openorganelle.fiji.export;

import java.util.Arrays;

import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.multiscale.LevelTransform;

/**
 * Parses regions as users write them, in NumPy slice style, one {@code start:stop} per
 * axis (z,y,x), half-open; an empty bound means the array's start or end:
 * {@code 0:64,100:612,:} in voxels of the chosen level, or {@code 0:200,400.5:2000,:}
 * in nanometres (voxels whose centres lie in {@code [start, stop)}).
 */
public final class RegionParser {

	private RegionParser() {
	}

	/**
	 * @throws OpenOrganelleException when the text is malformed, empty or out of bounds
	 */
	public static Region voxels(final String text, final long[] shape) {
		final String[][] bounds = split(text, shape.length, "region");
		final long[] start = new long[shape.length];
		final long[] size = new long[shape.length];
		for (int d = 0; d < shape.length; d++) {
			final long lo = bounds[d][0].isEmpty() ? 0 : integer(bounds[d][0], text);
			final long hi = bounds[d][1].isEmpty() ? shape[d] : integer(bounds[d][1], text);
			check(text, d, lo, hi, shape, "region");
			start[d] = lo;
			size[d] = hi - lo;
		}
		return new Region(start, size);
	}

	/**
	 * @param transform the level's voxel size and translation
	 * @throws OpenOrganelleException when the text is malformed, or selects no voxel or voxels outside the level
	 */
	public static Region nanometres(final String text, final long[] shape, final LevelTransform transform) {
		final String[][] bounds = split(text, shape.length, "region in nm");
		final double[] scale = transform.scaleNm();
		final double[] translation = transform.translationNm();
		final long[] start = new long[shape.length];
		final long[] size = new long[shape.length];
		for (int d = 0; d < shape.length; d++) {
			final long lo = bounds[d][0].isEmpty() ? 0
					: (long) Math.ceil((decimal(bounds[d][0], text) - translation[d]) / scale[d] - 1e-9);
			final long hi = bounds[d][1].isEmpty() ? shape[d]
					: (long) Math.ceil((decimal(bounds[d][1], text) - translation[d]) / scale[d] - 1e-9);
			check(text, d, lo, hi, shape, "region in nm (voxels " + lo + ":" + hi + " at "
					+ HumanReadable.number(scale[d]) + " nm)");
			start[d] = lo;
			size[d] = hi - lo;
		}
		return new Region(start, size);
	}

	private static String[][] split(final String text, final int rank, final String option) {
		final String[] axes = text.trim().split(",", -1);
		if (axes.length != rank)
			throw new OpenOrganelleException("invalid " + option + " '" + text + "': give " + rank
					+ " comma-separated start:stop ranges (z,y,x), e.g. 0:64,0:512,0:512");
		final String[][] bounds = new String[rank][];
		for (int d = 0; d < rank; d++) {
			final String[] parts = axes[d].trim().split(":", -1);
			if (parts.length != 2)
				throw new OpenOrganelleException("invalid " + option + " '" + text + "': '" + axes[d]
						+ "' is not start:stop");
			bounds[d] = new String[] { parts[0].trim(), parts[1].trim() };
		}
		return bounds;
	}

	private static void check(final String text, final int d, final long lo, final long hi, final long[] shape,
			final String option) {
		final String axis = shape.length == 3 ? "zyx".substring(d, d + 1) : "axis " + d;
		if (lo < 0 || hi > shape[d])
			throw new OpenOrganelleException(option + " '" + text + "' reaches outside the level on " + axis + ": "
					+ lo + ":" + hi + " is not within 0:" + shape[d] + " (shape " + Arrays.toString(shape) + ")");
		if (hi <= lo)
			throw new OpenOrganelleException(option + " '" + text + "' is empty on " + axis + " (" + lo + ":" + hi
					+ ")");
	}

	private static long integer(final String s, final String text) {
		try {
			return Long.parseLong(s);
		} catch (final NumberFormatException e) {
			throw new OpenOrganelleException("invalid region '" + text + "': '" + s + "' is not a whole number", e);
		}
	}

	private static double decimal(final String s, final String text) {
		try {
			final double v = Double.parseDouble(s);
			if (!Double.isFinite(v))
				throw new NumberFormatException("not finite");
			return v;
		} catch (final NumberFormatException e) {
			throw new OpenOrganelleException("invalid region in nm '" + text + "': '" + s + "' is not a number", e);
		}
	}
}
