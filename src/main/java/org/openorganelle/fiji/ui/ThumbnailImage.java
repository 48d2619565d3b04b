package org.openorganelle.fiji.ui;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.view.DisplayRange;
import org.openorganelle.fiji.view.LabelColors;

/**
 * Draws one z plane of voxels: intensity data in grey with a display range from the data
 * ({@link DisplayRange}), label data with one colour per id ({@link LabelColors}, as in
 * BigDataViewer; 0, the background, black).
 */
final class ThumbnailImage {

	private ThumbnailImage() {
	}

	/**
	 * @param plane C-order voxels of one plane, {@code height × width}, in the type's byte order
	 * @param labels whether the values are ids rather than intensities
	 */
	static BufferedImage render(final byte[] plane, final DataType type, final int height, final int width,
			final boolean labels) {
		final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final ByteBuffer voxels = ByteBuffer.wrap(plane).order(type.order());
		final DisplayRange range = labels ? null : DisplayRange.of(plane, type);
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final int at = (y * width + x) * type.size();
				image.setRGB(x, y, labels ? LabelColors.argb(type.longAt(voxels, at)) : grey(type.doubleAt(voxels, at),
						range));
			}
		return image;
	}

	private static int grey(final double value, final DisplayRange range) {
		final double t = (value - range.min()) / (range.max() - range.min());
		final int g = Double.isNaN(t) ? 0 : (int) Math.round(255 * Math.max(0, Math.min(1, t)));
		return g << 16 | g << 8 | g;
	}
}
