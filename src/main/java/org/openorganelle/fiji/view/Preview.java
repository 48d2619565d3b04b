package org.openorganelle.fiji.view;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.ScaleLevel;

import ij.ImagePlus;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.volatiles.VolatileARGBType;
import net.imglib2.type.volatiles.VolatileUnsignedLongType;

/**
 * Opens a lazy preview of a multiscale image that never waits on the network: in
 * BigDataViewer when Fiji has it and a display is available (all levels as one
 * multiresolution source when their geometry allows, else the chosen level), as volatile
 * images whose chunks load in the background ({@link VolatileLevelImage}, {@link ChunkFetcher})
 * while coarser levels are painted; otherwise the chosen level as an ImageJ virtual hyperstack
 * that the caller shows. The display range comes from the data ({@link RangeSample} of the
 * coarsest level, {@link Contrast}); uint64 labels are shown in {@link LabelColors}. Besides
 * that bounded sample, nothing but the displayed chunks is read.
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
			return Optional.of(hyperstack(LevelImage.open(level), level, title, level));
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
			return Optional.of(virtualStack(levels, chosen, title));
		return open(levels, chosen, title, new BigDataViewerSeam());
	}

	/**
	 * The chosen level as an ImageJ virtual hyperstack (not shown), whatever viewers are
	 * installed, with the display range of the image's coarsest level.
	 *
	 * @param levels the image's levels, any order
	 */
	public static ImagePlus virtualStack(final List<ScaleLevel> levels, final ScaleLevel chosen, final String title) {
		return hyperstack(LevelImage.open(chosen), chosen, title, RangeSample.coarsest(levels, chosen));
	}

	/**
	 * Shows the levels as one multiresolution source through a given seam; falls back to
	 * {@link #open(ScaleLevel, String, BigDataViewerSeam)} for the chosen level. The levels
	 * share {@link ChunkCache#DEFAULT_MAX_BYTES} of cache and one {@link ChunkFetcher}. The
	 * display range is that of the coarsest level.
	 *
	 * @return the hyperstack, or empty when BigDataViewer shows the image
	 */
	public static Optional<ImagePlus> open(final List<ScaleLevel> levels, final ScaleLevel chosen,
			final String title, final BigDataViewerSeam bigDataViewer) {
		final Optional<Pyramid> pyramid = bigDataViewer.isAvailable() ? Pyramid.of(levels) : Optional.empty();
		final ScaleLevel rangeLevel = RangeSample.coarsest(levels, chosen);
		if (pyramid.isPresent()) {
			final List<ScaleLevel> sorted = pyramid.get().levels();
			final ChunkFetcher fetcher = new ChunkFetcher();
			final List<VolatileLevelImage<?>> images = new ArrayList<>();
			final List<RandomAccessibleInterval<?>> viewed = new ArrayList<>();
			for (final ScaleLevel level : sorted) {
				images.add(VolatileLevelImage.of(LevelImage.open(level.array(), ChunkCache.DEFAULT_MAX_BYTES / sorted
						.size()), fetcher));
				viewed.add(viewed(images.get(images.size() - 1)));
			}
			final VolatileLevelImage<?> finest = images.get(0);
			final Optional<BigDataViewerSeam.ShownSource> shown = bigDataViewer.displayPyramid(viewed, viewedType(
					finest), title, pyramid.get().downsamplingXyz(), scaleXyz(sorted.get(0)), translationXyz(sorted
							.get(0)));
			if (shown.isPresent()) {
				contrast(shown.get(), finest.level(), rangeLevel);
				return Optional.empty();
			}
		}
		return open(chosen, title, bigDataViewer, rangeLevel);
	}

	/**
	 * Shows the level through a given BigDataViewer seam, or builds the virtual hyperstack
	 * when the seam reports BigDataViewer unavailable. The display range is the level's own.
	 *
	 * @return the hyperstack, or empty when BigDataViewer shows the level
	 */
	public static Optional<ImagePlus> open(final ScaleLevel level, final String title,
			final BigDataViewerSeam bigDataViewer) {
		return open(level, title, bigDataViewer, level);
	}

	private static Optional<ImagePlus> open(final ScaleLevel level, final String title,
			final BigDataViewerSeam bigDataViewer, final ScaleLevel rangeLevel) {
		final LevelImage<?> image = LevelImage.open(level);
		final VolatileLevelImage<?> volatileImage = VolatileLevelImage.of(image, new ChunkFetcher());
		final Optional<BigDataViewerSeam.ShownSource> shown = bigDataViewer.display(viewed(volatileImage), title,
				scaleXyz(level), translationXyz(level));
		if (shown.isPresent()) {
			contrast(shown.get(), image, rangeLevel);
			return Optional.empty();
		}
		return Optional.of(hyperstack(image, level, title, rangeLevel));
	}

	private static ImagePlus hyperstack(final LevelImage<?> image, final ScaleLevel level, final String title,
			final ScaleLevel rangeLevel) {
		final ImagePlus imp = LevelHyperstack.open(image, level.transform(), title);
		Contrast.apply(rangeLevel.array(), range -> LevelHyperstack.setDisplayRange(imp, image, range));
		return imp;
	}

	/** Sets the range of grey levels; labels need none (their colours do not depend on it). */
	private static void contrast(final BigDataViewerSeam.ShownSource shown, final LevelImage<?> image,
			final ScaleLevel rangeLevel) {
		if (!isLabels(image))
			Contrast.apply(rangeLevel.array(), shown::setDisplayRange);
	}

	private static boolean isLabels(final LevelImage<?> image) {
		return image.format() == PixelFormat.UINT64;
	}

	/** What BigDataViewer is given: the volatile image, or for labels its volatile colours. */
	@SuppressWarnings("unchecked")
	private static RandomAccessibleInterval<?> viewed(final VolatileLevelImage<?> image) {
		if (isLabels(image.level()))
			return LabelColors.colored((RandomAccessibleInterval<VolatileUnsignedLongType>) image.img());
		return image.img();
	}

	private static Object viewedType(final VolatileLevelImage<?> image) {
		return isLabels(image.level()) ? new VolatileARGBType() : image.type();
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
