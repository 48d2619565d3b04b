package org.openorganelle.fiji.view;

import org.openorganelle.fiji.OpenOrganelleException;

import ij.VirtualStack;
import ij.process.ImageProcessor;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;

/**
 * The z planes of a {@link LevelImage} as a read-only ImageJ virtual stack: each plane is
 * copied out of the image's cells when ImageJ asks for it, which loads (or takes from the
 * cache) only the chunks that intersect that plane. Edits are not kept. Signed 8- and
 * 16-bit values are shifted into ImageJ's unsigned range; see {@link LevelHyperstack}.
 */
public final class LevelStack extends VirtualStack {

	private final LevelImage<?> image;
	private final PixelFormat format;
	private final CellGrid grid;
	private final int width;
	private final int height;
	private final int depth;

	/**
	 * @param image a 2- or 3-dimensional image (x, y[, z]) with planes of at most 2<sup>31</sup> pixels
	 * @throws OpenOrganelleException naming the array when it cannot be shown as a stack
	 */
	public LevelStack(final LevelImage<?> image) {
		super(planeWidth(image), (int) image.img().dimension(1), null, null);
		final LazyCellImg<?, ?> img = image.img();
		this.image = image;
		this.format = image.format();
		this.grid = img.getCellGrid();
		this.width = (int) img.dimension(0);
		this.height = (int) img.dimension(1);
		this.depth = img.numDimensions() == 3 ? (int) img.dimension(2) : 1;
	}

	private static int planeWidth(final LevelImage<?> image) {
		final LazyCellImg<?, ?> img = image.img();
		final int n = img.numDimensions();
		if (n != 2 && n != 3)
			throw new OpenOrganelleException(image.array().uri() + " has " + n
					+ " dimensions; only 2- and 3-dimensional arrays can be shown as a stack");
		if (n == 3 && img.dimension(2) > Integer.MAX_VALUE || img.dimension(0) * img.dimension(1) > Integer.MAX_VALUE)
			throw new OpenOrganelleException("the stack of " + image.array().uri() + " (planes of " + img.dimension(0)
					+ " x " + img.dimension(1) + ") is too large for ImageJ");
		return (int) img.dimension(0);
	}

	/** The image the planes come from. */
	public LevelImage<?> image() {
		return image;
	}

	@Override
	public int getSize() {
		return depth;
	}

	@Override
	public int getBitDepth() {
		return format.bitDepth();
	}

	/**
	 * Plane {@code n} (1-based; z = n - 1), assembled from the cached cells of its chunk row.
	 *
	 * @throws IllegalArgumentException when {@code n} is out of range
	 */
	@Override
	public ImageProcessor getProcessor(final int n) {
		if (n < 1 || n > depth)
			throw new IllegalArgumentException("plane " + n + " is outside 1-" + depth + " of "
					+ image.array().uri());
		final Object plane = format.allocate(width * height);
		final boolean volume = grid.numDimensions() == 3;
		final long z = n - 1L;
		final long zCell = volume ? z / grid.cellDimension(2) : 0;
		for (long yCell = 0; yCell < grid.gridDimension(1); yCell++)
			for (long xCell = 0; xCell < grid.gridDimension(0); xCell++) {
				final long[] chunk = volume ? new long[] { zCell, yCell, xCell } : new long[] { yCell, xCell };
				copy(image.cache().get(chunk), volume ? (int) (z - zCell * grid.cellDimension(2)) : 0, plane);
			}
		return format.processor(plane, width, height);
	}

	/** Copies plane {@code zInCell} of a cell into its place in a plane of the image. */
	private void copy(final Cell<?> cell, final int zInCell, final Object plane) {
		final Object data = ((ArrayDataAccess<?>) cell.getData()).getCurrentStorageArray();
		final int cellWidth = (int) cell.dimension(0);
		final int cellHeight = (int) cell.dimension(1);
		final int xMin = (int) cell.min(0);
		final int yMin = (int) cell.min(1);
		for (int y = 0; y < cellHeight; y++)
			System.arraycopy(data, (zInCell * cellHeight + y) * cellWidth, plane, (yMin + y) * width + xMin,
					cellWidth);
	}

	@Override
	public Object getPixels(final int n) {
		return getProcessor(n).getPixels();
	}

	@Override
	public String getSliceLabel(final int n) {
		return depth == 1 ? null : "z=" + (n - 1);
	}
}
