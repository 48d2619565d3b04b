package org.openorganelle.fiji.view;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.ScaleLevel;

import ij.ImagePlus;

/**
 * Opens a lazy preview of a multiscale image: in BigDataViewer when Fiji has it and a
 * display is available (all levels as one multiresolution source when their geometry
 * allows, else the chosen level), otherwise the chosen level as an ImageJ virtual
 * hyperstack that the caller shows. Nothing but the displayed chunks is read.
 */
public final class Preview {

	private Preview() {
	}

	/**
	 * Shows the level in BigDataViewer when it is on the class path and the JVM is not
	 * headless; otherwise builds the virtual hyperstack (not shown: call
	 * {@link ImagePlus#show()}; headless that needs {@code ij.macro.Interpreter.batchMode = true}).
	 *
	 * @param title e.g. {@code jrc_mus-nacc-2 recon-2/em/fibsem-int16 s3}, see {@link #title}
	 * @return the hyperstack, or empty when BigDataViewer shows the level
	 */
	public static Optional<ImagePlus> open(final ScaleLevel level, final String title) {
		if (GraphicsEnvironment.isHeadless())
			return Optional.of(LevelHyperstack.open(level, title));
		return open(level, title, new BigDataViewerSeam());
	}

	/**
	 * Shows all levels of an image in BigDataViewer as one multiresolution source when it
	 * is on the class path, the JVM is not headless and the levels form a {@link Pyramid};
	 * otherwise behaves as {@link #open(ScaleLevel, String)} for the chosen level.
	 *
	 * @param levels the image's levels, any order
	 * @param chosen the level to show when the pyramid cannot be shown
	 * @return the hyperstack, or empty when BigDataViewer shows the image
	 */
	public static Optional<ImagePlus> open(final List<ScaleLevel> levels, final ScaleLevel chosen,
			final String title) {
		if (GraphicsEnvironment.isHeadless())
			return Optional.of(LevelHyperstack.open(chosen, title));
		return open(levels, chosen, title, new BigDataViewerSeam());
	}

	/**
	 * Shows the levels as one multiresolution source through a given seam; falls back to
	 * {@link #open(ScaleLevel, String, BigDataViewerSeam)} for the chosen level. The levels
	 * share {@link ChunkCache#DEFAULT_MAX_BYTES} of cache.
	 *
	 * @return the hyperstack, or empty when BigDataViewer shows the image
	 */
	public static Optional<ImagePlus> open(final List<ScaleLevel> levels, final ScaleLevel chosen,
			final String title, final BigDataViewerSeam bigDataViewer) {
		final Optional<Pyramid> pyramid = bigDataViewer.isAvailable() ? Pyramid.of(levels) : Optional.empty();
		if (pyramid.isPresent()) {
			final List<ScaleLevel> sorted = pyramid.get().levels();
			final List<LevelImage<?>> images = new ArrayList<>();
			for (final ScaleLevel level : sorted)
				images.add(LevelImage.open(level.array(), ChunkCache.DEFAULT_MAX_BYTES / sorted.size()));
			if (bigDataViewer.showPyramid(images.stream().map(LevelImage::img).collect(Collectors.toList()), images
					.get(0).type(), title, pyramid.get().downsamplingXyz(), scaleXyz(sorted.get(0)), translationXyz(
							sorted.get(0))))
				return Optional.empty();
		}
		return open(chosen, title, bigDataViewer);
	}

	/**
	 * Shows the level through a given BigDataViewer seam, or builds the virtual hyperstack
	 * when the seam reports BigDataViewer unavailable.
	 *
	 * @return the hyperstack, or empty when BigDataViewer shows the level
	 */
	public static Optional<ImagePlus> open(final ScaleLevel level, final String title,
			final BigDataViewerSeam bigDataViewer) {
		final LevelImage<?> image = LevelImage.open(level);
		if (bigDataViewer.show(image.img(), title, scaleXyz(level), translationXyz(level)))
			return Optional.empty();
		return Optional.of(LevelHyperstack.open(image, level.transform(), title));
	}

	/** The title of a level's preview: {@code "<dataset> <image path> <level>"}. */
	public static String title(final String dataset, final String imagePath, final String level) {
		return dataset + " " + imagePath + " " + level;
	}

	/** The level's voxel size along x, y, z (1 per axis when the metadata gives none). */
	static double[] scaleXyz(final ScaleLevel level) {
		final Optional<LevelTransform> transform = level.transform();
		if (transform.isPresent())
			return Axes.reverse(transform.get().scaleNm());
		final double[] ones = new double[level.shape().length];
		Arrays.fill(ones, 1);
		return ones;
	}

	/** The level's translation along x, y, z (0 per axis when the metadata gives none). */
	static double[] translationXyz(final ScaleLevel level) {
		return level.transform().map(t -> Axes.reverse(t.translationNm())).orElseGet(() -> new double[level
				.shape().length]);
	}
}
