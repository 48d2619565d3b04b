package org.openorganelle.fiji.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * The levels of a multiscale image as one multiresolution source: finest first, each with
 * its downsampling factors relative to the finest. Only pyramids whose geometry is the one
 * BigDataViewer assumes for a mipmap source qualify: every level 3-D with a transform, one
 * data type, factors of at least 1, and each level's first voxel centred where averaging
 * the finest level's voxels puts it ({@code t0 + (f - 1) / 2 · v0}, the half-voxel offsets
 * of COSEM's pyramids). Otherwise a preview shows the chosen level alone.
 */
final class Pyramid {

	/** Tolerance on translations, as a fraction of the finest voxel size. */
	private static final double TOLERANCE = 1e-6;

	private final List<ScaleLevel> levels;
	private final double[][] downsamplingXyz;

	private Pyramid(final List<ScaleLevel> levels, final double[][] downsamplingXyz) {
		this.levels = levels;
		this.downsamplingXyz = downsamplingXyz;
	}

	/** The pyramid of these levels (any order), or empty when it has fewer than two levels or another geometry. */
	static Optional<Pyramid> of(final List<ScaleLevel> levels) {
		if (levels.size() < 2 || levels.stream().anyMatch(l -> l.transform().isEmpty() || l.shape().length != 3
				|| !l.dataType().equals(levels.get(0).dataType())))
			return Optional.empty();
		final List<ScaleLevel> sorted = new ArrayList<>(levels);
		sorted.sort(Comparator.comparingDouble(l -> volume(l.transform().get().scaleNm())));
		final LevelTransform finest = sorted.get(0).transform().get();
		final double[][] factors = new double[sorted.size()][];
		for (int i = 0; i < sorted.size(); i++) {
			final LevelTransform level = sorted.get(i).transform().get();
			final double[] f = new double[3];
			for (int d = 0; d < 3; d++) {
				final double v0 = finest.scaleNm()[d];
				f[d] = level.scaleNm()[d] / v0;
				final double expected = finest.translationNm()[d] + (f[d] - 1) / 2 * v0;
				if (f[d] < 1 - TOLERANCE || Math.abs(level.translationNm()[d] - expected) > TOLERANCE * v0)
					return Optional.empty();
			}
			factors[i] = Axes.reverse(f);
		}
		return Optional.of(new Pyramid(sorted, factors));
	}

	private static double volume(final double[] scale) {
		return scale[0] * scale[1] * scale[2];
	}

	/** The levels, finest first. */
	List<ScaleLevel> levels() {
		return levels;
	}

	/** Per level, the factors along x, y, z relative to the finest level (1, 1, 1 for it). */
	double[][] downsamplingXyz() {
		final double[][] copy = new double[downsamplingXyz.length][];
		for (int i = 0; i < copy.length; i++)
			copy[i] = downsamplingXyz[i].clone();
		return copy;
	}
}
