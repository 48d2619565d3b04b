package org.openorganelle.fiji.view;

import java.util.Comparator;
import java.util.List;

import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * Where a preview's {@link DisplayRange} comes from, with a bounded read: the coarsest level
 * of the image (a few kB on COSEM pyramids, one or two chunks), read whole when it holds at
 * most {@link DisplayRange#MAX_SAMPLES} voxels; a larger level contributes only the chunk at
 * its centre (one request, never a whole plane of a fine level, whose chunks may number in
 * the thousands).
 */
final class RangeSample {

	private RangeSample() {
	}

	/** The level with the fewest voxels among those of the chosen level's data type (the chosen level at worst). */
	static ScaleLevel coarsest(final List<ScaleLevel> levels, final ScaleLevel chosen) {
		return levels.stream().filter(l -> l.dataType().equals(chosen.dataType())).min(Comparator.comparingDouble(
				l -> voxels(l.shape()))).orElse(chosen);
	}

	/**
	 * The display range of an array's bounded sample.
	 *
	 * @throws org.openorganelle.fiji.OpenOrganelleException naming the chunk that could not be read
	 */
	static DisplayRange of(final ChunkedArray array) {
		return DisplayRange.of(array.read(region(array)), array.metadata().dataType());
	}

	/** The whole array when small, else the chunk at its centre (cropped to the array). */
	static Region region(final ChunkedArray array) {
		final long[] shape = array.metadata().shape();
		if (voxels(shape) <= DisplayRange.MAX_SAMPLES)
			return Region.whole(shape);
		final int[] chunks = array.metadata().chunks();
		final long[] start = new long[shape.length];
		final long[] size = new long[shape.length];
		for (int d = 0; d < shape.length; d++) {
			start[d] = shape[d] / 2 / chunks[d] * chunks[d];
			size[d] = Math.min(chunks[d], shape[d] - start[d]);
		}
		return new Region(start, size);
	}

	private static double voxels(final long[] shape) {
		double n = 1;
		for (final long s : shape)
			n *= s;
		return n;
	}
}
