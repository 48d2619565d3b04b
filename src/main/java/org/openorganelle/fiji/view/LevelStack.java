package org.openorganelle.fiji.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.openorganelle.fiji.DaemonThreads;
import org.openorganelle.fiji.OpenOrganelleException;

import ij.IJ;
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
 * <p>
 * The chunks of a plane that are not cached are loaded in parallel by a pool of
 * {@value #READ_THREADS} daemon threads shared by all stacks, while ImageJ's status bar and
 * progress bar show how many have arrived.
 */
public final class LevelStack extends VirtualStack {

	/** The most chunks loaded at once for planes of all stacks. */
	public static final int READ_THREADS = 8;

	private static final ExecutorService READERS = DaemonThreads.pool("openorganelle-plane", READ_THREADS);

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
	 * Plane {@code n} (1-based; z = n - 1), assembled from the cells of its chunk row: cached
	 * ones at once, the others loaded in parallel.
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
		final int zInCell = volume ? (int) (z - zCell * grid.cellDimension(2)) : 0;
		final List<long[]> missing = new ArrayList<>();
		for (long yCell = 0; yCell < grid.gridDimension(1); yCell++)
			for (long xCell = 0; xCell < grid.gridDimension(0); xCell++) {
				final long[] chunk = volume ? new long[] { zCell, yCell, xCell } : new long[] { yCell, xCell };
				final Optional<Cell<?>> cached = image.cache().peek(chunk);
				if (cached.isPresent())
					copy(cached.get(), zInCell, plane);
				else
					missing.add(chunk);
			}
		if (missing.size() == 1)
			copy(image.cache().get(missing.get(0)), zInCell, plane);
		else if (!missing.isEmpty())
			load(missing, zInCell, plane, n);
		return format.processor(plane, width, height);
	}

	/** Loads chunks in parallel into a plane, showing progress; rethrows the first failure. */
	private void load(final List<long[]> chunks, final int zInCell, final Object plane, final int n) {
		final CompletionService<Void> done = new ExecutorCompletionService<>(READERS);
		final List<Future<Void>> loads = new ArrayList<>();
		for (final long[] chunk : chunks)
			loads.add(done.submit(() -> {
				copy(image.cache().get(chunk), zInCell, plane);
				return null;
			}));
		final String what = "OpenOrganelle: reading " + (depth == 1 ? "the image" : "z=" + (n - 1)) + ", ";
		try {
			for (int arrived = 0; arrived < chunks.size(); arrived++) {
				IJ.showStatus(what + arrived + "/" + chunks.size() + " chunks");
				IJ.showProgress(arrived, chunks.size());
				done.take().get();
			}
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OpenOrganelleException("interrupted while reading plane " + n + " of " + image.array().uri(),
					e);
		} catch (final ExecutionException e) {
			if (e.getCause() instanceof RuntimeException)
				throw (RuntimeException) e.getCause();
			throw new OpenOrganelleException("cannot read plane " + n + " of " + image.array().uri() + ": " + e
					.getCause(), e.getCause());
		} finally {
			loads.forEach(load -> load.cancel(false));
			IJ.showProgress(1.0);
			IJ.showStatus("");
		}
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
