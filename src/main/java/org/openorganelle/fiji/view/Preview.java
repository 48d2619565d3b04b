package org.openorganelle.fiji.view;

import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Optional;

import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.ScaleLevel;

import ij.ImagePlus;

/**
 * Opens a lazy preview of one pyramid level: in BigDataViewer when Fiji has it and a
 * display is available, otherwise as an ImageJ virtual hyperstack that the caller shows.
 * Nothing but the displayed plane's chunks is read on opening.
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
