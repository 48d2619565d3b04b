package org.openorganelle.fiji.view;

import java.util.Optional;

import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.ScaleLevel;

import ij.ImagePlus;
import ij.measure.Calibration;

/**
 * Opens a pyramid level as an ImageJ virtual hyperstack (one channel, one frame, the
 * level's z planes), calibrated in nanometres.
 * <p>
 * Display: uint8 as 8-bit; int8 as 8-bit shifted by +128; uint16 as 16-bit; int16 as
 * 16-bit shifted by +32768, as ImageJ opens signed 16-bit data, with the calibration
 * function {@code value - 32768} (unit "Gray Value") so measurements show the stored
 * values; every other dtype as 32-bit float.
 * <p>
 * Spatial calibration: pixel width, height and depth are the voxel size along x, y and z
 * in nm, and the origin (in pixels) is {@code -translation / voxelSize} per axis, so that
 * ImageJ's physical coordinate of voxel {@code i} equals the level's
 * {@code translation + i * voxelSize}.
 */
public final class LevelHyperstack {

	/** The unit of the spatial calibration. */
	public static final String UNIT = "nm";

	private LevelHyperstack() {
	}

	/**
	 * The level as a virtual hyperstack, with a cache of {@link ChunkCache#DEFAULT_MAX_BYTES}.
	 * Opening reads the chunks of the first plane only.
	 */
	public static ImagePlus open(final ScaleLevel level, final String title) {
		return open(level, title, ChunkCache.DEFAULT_MAX_BYTES);
	}

	/**
	 * The level as a virtual hyperstack. Opening reads the chunks of the first plane only.
	 *
	 * @param maxCacheBytes the budget of decoded chunks kept in memory
	 */
	public static ImagePlus open(final ScaleLevel level, final String title, final long maxCacheBytes) {
		return open(LevelImage.open(level.array(), maxCacheBytes), level.transform(), title);
	}

	/**
	 * An image as a virtual hyperstack.
	 *
	 * @param transform the voxel size and translation in nm, Zarr axis order (z, y, x)
	 */
	public static ImagePlus open(final LevelImage<?> image, final Optional<LevelTransform> transform,
			final String title) {
		final LevelStack stack = new LevelStack(image);
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, stack.getSize(), 1);
		imp.setOpenAsHyperStack(true);
		final Calibration calibration = imp.getCalibration();
		image.format().calibrate(calibration);
		transform.ifPresent(t -> calibrate(calibration, t));
		return imp;
	}

	/**
	 * Shows a range of stored values from black to white (ImageJ pixel values shifted as the
	 * hyperstack stores them, so the calibrated display shows {@code range}). uint64 labels get
	 * a label lookup table instead of grey (0 black, neighbouring ids in different colours) over
	 * 0 to the range's maximum.
	 */
	public static void setDisplayRange(final ImagePlus imp, final LevelImage<?> image, final DisplayRange range) {
		final PixelFormat format = image.format();
		if (format == PixelFormat.UINT64) {
			imp.setLut(LabelColors.lut());
			imp.setDisplayRange(0, range.max());
		} else
			imp.setDisplayRange(format.pixelValue(range.min()), format.pixelValue(range.max()));
		imp.updateAndDraw();
	}

	/** Sets voxel size, unit and origin from a level's transform (Zarr axis order). */
	static void calibrate(final Calibration calibration, final LevelTransform transform) {
		final double[] scale = Axes.reverse(transform.scaleNm());
		final double[] translation = Axes.reverse(transform.translationNm());
		calibration.setUnit(UNIT);
		calibration.pixelWidth = scale[0];
		calibration.xOrigin = -translation[0] / scale[0];
		if (scale.length > 1) {
			calibration.pixelHeight = scale[1];
			calibration.yOrigin = -translation[1] / scale[1];
		}
		if (scale.length > 2) {
			calibration.pixelDepth = scale[2];
			calibration.zOrigin = -translation[2] / scale[2];
		}
	}
}
