package org.openorganelle.fiji.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * The thumbnail of an array: the middle z plane of its coarsest (smallest) level, drawn
 * by {@link ThumbnailImage} and scaled to fit a square without smoothing, so that the
 * voxels of a small level stay visible as such.
 */
final class Thumbnail {

	private final ScaleLevel level;
	private final boolean labels;

	private Thumbnail(final ScaleLevel level, final boolean labels) {
		this.level = level;
		this.labels = labels;
	}

	/**
	 * @param levels an array's levels (not empty)
	 * @param labels whether the array holds label ids (uint64 arrays are taken as such too)
	 */
	static Thumbnail of(final List<ScaleLevel> levels, final boolean labels) {
		final ScaleLevel coarsest = levels.stream().min(Comparator.comparingLong(ScaleLevel::uncompressedBytes))
				.orElseThrow(() -> new OpenOrganelleException("an image without levels has no thumbnail"));
		return new Thumbnail(coarsest, labels || coarsest.dataType().numpyName().equals("uint64"));
	}

	ScaleLevel level() {
		return level;
	}

	/** E.g. {@code s3 (coarsest), z 2 of 0–4} and, for labels, {@code , a colour per label} (fits the panel). */
	String describe() {
		return level.name() + " (coarsest), z " + level.shape()[0] / 2 + " of 0–" + (level.shape()[0] - 1)
				+ (labels ? ", a colour per label" : "");
	}

	/**
	 * Reads the plane (only its chunks; cached by the session) and draws it to fit
	 * {@code side × side}. Blocks: call it on a worker.
	 */
	BufferedImage render(final BrowserSession session, final int side) {
		final long[] shape = level.shape();
		if (shape.length != 3)
			throw new OpenOrganelleException("no thumbnail: " + level.array().uri() + " has " + shape.length
					+ " dimensions, not 3 (z, y, x)");
		final BufferedImage plane = ThumbnailImage.render(session.middlePlane(level), level.dataType(),
				(int) shape[1], (int) shape[2], labels);
		final double scale = Math.min((double) side / plane.getWidth(), (double) side / plane.getHeight());
		final int width = Math.max(1, (int) Math.round(plane.getWidth() * scale));
		final int height = Math.max(1, (int) Math.round(plane.getHeight() * scale));
		final BufferedImage fitted = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = fitted.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			g.drawImage(plane, 0, 0, width, height, null);
		} finally {
			g.dispose();
		}
		return fitted;
	}
}
