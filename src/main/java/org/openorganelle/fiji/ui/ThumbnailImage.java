package org.openorganelle.fiji.ui;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

import org.openorganelle.fiji.view.DisplayRange;
import org.openorganelle.fiji.zarr.DataType;

/**
 * Draws one z plane of voxels: intensity data in grey with a display range from the data
 * ({@link DisplayRange}), label data with one colour per id (a hash of the id; 0, the
 * background, black).
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
				image.setRGB(x, y, labels ? labelColour(bits(voxels, at, type.size())) : grey(value(voxels, at, type),
						range));
			}
		return image;
	}

	/** The colour of a label id: black for 0, else a bright colour from a hash of the id. */
	static int labelColour(final long id) {
		if (id == 0)
			return 0;
		long h = id * 0x9E3779B97F4A7C15L;
		h ^= h >>> 29;
		h *= 0xBF58476D1CE4E5B9L;
		h ^= h >>> 32;
		final int r = 64 + (int) (h & 0xBF);
		final int g = 64 + (int) (h >>> 8 & 0xBF);
		final int b = 64 + (int) (h >>> 16 & 0xBF);
		return r << 16 | g << 8 | b;
	}

	private static int grey(final double value, final DisplayRange range) {
		final double t = (value - range.min()) / (range.max() - range.min());
		final int g = Double.isNaN(t) ? 0 : (int) Math.round(255 * Math.max(0, Math.min(1, t)));
		return g << 16 | g << 8 | g;
	}

	/** The bits of an element, sign-extended to a long (a distinct long per distinct id, 0 for 0). */
	private static long bits(final ByteBuffer voxels, final int at, final int size) {
		switch (size) {
			case 1:
				return voxels.get(at);
			case 2:
				return voxels.getShort(at);
			case 4:
				return voxels.getInt(at);
			default:
				return voxels.getLong(at);
		}
	}

	private static double value(final ByteBuffer voxels, final int at, final DataType type) {
		if (type.kind() == DataType.Kind.FLOAT)
			return type.size() == 4 ? voxels.getFloat(at) : voxels.getDouble(at);
		final long bits = bits(voxels, at, type.size());
		if (type.kind() == DataType.Kind.SIGNED || type.size() == 8)
			return type.size() == 8 && type.kind() == DataType.Kind.UNSIGNED && bits < 0 ? (bits >>> 1) * 2.0
					: bits;
		return bits & (-1L >>> (64 - 8 * type.size()));
	}
}
