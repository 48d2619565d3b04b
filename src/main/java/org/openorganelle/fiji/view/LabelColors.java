package org.openorganelle.fiji.view;

import ij.process.LUT;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.volatiles.VolatileARGBType;
import net.imglib2.type.volatiles.VolatileUnsignedLongType;

/**
 * Colours for label images (uint64 segmentations): each id gets its own colour from a hash
 * of the id, so neighbouring objects differ however large their ids are, and 0 (background)
 * is black. A display range cannot do that: ids are names, not intensities, and a range
 * over 10<sup>6</sup> ids turns adjacent objects into the same grey.
 */
public final class LabelColors {

	/** Each colour channel is at least this bright, so that no object disappears into the background. */
	private static final int MIN_CHANNEL = 0x40;

	private LabelColors() {
	}

	/** The opaque colour (0xAARRGGBB) of a label id; black for 0. */
	public static int argb(final long id) {
		if (id == 0)
			return 0xff000000;
		long h = id * 0x9E3779B97F4A7C15L;
		h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
		h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
		h ^= h >>> 31;
		final int r = channel(h);
		final int g = channel(h >>> 8);
		final int b = channel(h >>> 16);
		return 0xff000000 | r << 16 | g << 8 | b;
	}

	private static int channel(final long bits) {
		return MIN_CHANNEL + (int) ((bits & 0xff) * (255 - MIN_CHANNEL) / 255);
	}

	/**
	 * A volatile label image as colours, for BigDataViewer: valid where the labels are valid,
	 * so loading still falls back to coarser levels.
	 */
	static RandomAccessibleInterval<VolatileARGBType> colored(
			final RandomAccessibleInterval<VolatileUnsignedLongType> labels) {
		return Converters.convert(labels, (in, out) -> {
			out.get().set(argb(in.get().get()));
			out.setValid(in.isValid());
		}, new VolatileARGBType());
	}

	/**
	 * An ImageJ lookup table for a label plane shown as 32-bit values over a display range
	 * starting at 0: entry 0 black, each other entry a hashed colour, so labels that fall into
	 * different entries get different colours.
	 */
	static LUT lut() {
		final byte[] r = new byte[256];
		final byte[] g = new byte[256];
		final byte[] b = new byte[256];
		for (int i = 1; i < 256; i++) {
			final int c = argb(i);
			r[i] = (byte) (c >> 16);
			g[i] = (byte) (c >> 8);
			b[i] = (byte) c;
		}
		return new LUT(r, g, b);
	}
}
