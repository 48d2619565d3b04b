package org.openorganelle.fiji.view;

import java.util.Optional;

import org.openorganelle.fiji.OpenOrganelleException;

import net.imglib2.img.basictypeaccess.DataAccess;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.volatiles.AbstractVolatileNativeRealType;
import net.imglib2.type.volatiles.VolatileByteType;
import net.imglib2.type.volatiles.VolatileDoubleType;
import net.imglib2.type.volatiles.VolatileFloatType;
import net.imglib2.type.volatiles.VolatileIntType;
import net.imglib2.type.volatiles.VolatileLongType;
import net.imglib2.type.volatiles.VolatileShortType;
import net.imglib2.type.volatiles.VolatileUnsignedByteType;
import net.imglib2.type.volatiles.VolatileUnsignedIntType;
import net.imglib2.type.volatiles.VolatileUnsignedLongType;
import net.imglib2.type.volatiles.VolatileUnsignedShortType;

/**
 * A {@link LevelImage} as a volatile ImgLib2 image, for viewers that must never wait on the
 * network (BigDataViewer renders a source of a {@code Volatile} type with its
 * {@code VolatileHierarchyProjector}: invalid pixels are filled from coarser levels and the
 * frame is repainted until every pixel is valid).
 * <p>
 * Entering a cell never blocks: a chunk in the level's {@link ChunkCache} is returned as a
 * valid cell (the very cell the plain image uses, no copy); any other chunk is handed to a
 * {@link ChunkFetcher} and answered at once with an invalid cell (all zeros, {@code isValid()}
 * false). Once the fetch has completed, the next access to the cell sees the real values. A
 * chunk that failed to load (reported by the fetcher) is answered with a valid cell of zeros:
 * shown black rather than left invalid, which would keep BigDataViewer re-rendering the
 * frame every millisecond for as long as the viewer is open.
 * Types: the volatile twin of the level's type ({@link VolatileShortType} for int16,
 * {@link VolatileUnsignedLongType} for uint64, {@link VolatileFloatType} for float16, …).
 *
 * @param <V> the volatile pixel type
 */
public final class VolatileLevelImage<V extends AbstractVolatileNativeRealType<?, V>> {

	private final LevelImage<?> level;
	private final LazyCellImg<V, ?> img;
	private final V type;

	private VolatileLevelImage(final LevelImage<?> level, final LazyCellImg<V, ?> img, final V type) {
		this.level = level;
		this.img = img;
		this.type = type;
	}

	/**
	 * The volatile image of a level; reads nothing.
	 *
	 * @param fetcher loads the chunks that are asked for and not cached
	 */
	public static VolatileLevelImage<?> of(final LevelImage<?> level, final ChunkFetcher fetcher) {
		switch (level.format()) {
		case BOOL:
		case UINT8:
			return create(level, new VolatileUnsignedByteType(), fetcher);
		case INT8:
			return create(level, new VolatileByteType(), fetcher);
		case UINT16:
			return create(level, new VolatileUnsignedShortType(), fetcher);
		case INT16:
			return create(level, new VolatileShortType(), fetcher);
		case UINT32:
			return create(level, new VolatileUnsignedIntType(), fetcher);
		case INT32:
			return create(level, new VolatileIntType(), fetcher);
		case UINT64:
			return create(level, new VolatileUnsignedLongType(), fetcher);
		case INT64:
			return create(level, new VolatileLongType(), fetcher);
		case FLOAT16:
		case FLOAT32:
			return create(level, new VolatileFloatType(), fetcher);
		case FLOAT64:
			return create(level, new VolatileDoubleType(), fetcher);
		default:
			throw new OpenOrganelleException("the pixel format " + level.format() + " of " + level.array().uri()
					+ " has no volatile ImgLib2 type");
		}
	}

	private static <V extends AbstractVolatileNativeRealType<?, V>, A extends DataAccess> VolatileLevelImage<V> create(
			final LevelImage<?> level, final V type, final ChunkFetcher fetcher) {
		final CellGrid grid = level.img().getCellGrid();
		final ChunkCache<Cell<?>> cache = level.cache();
		final int n = grid.numDimensions();
		int fullChunk = 1;
		for (final int d : grid.getCellDimensions())
			fullChunk *= d;
		@SuppressWarnings("unchecked")
		final A invalid = (A) CellConverter.access(level.format().allocate(fullChunk), false);
		@SuppressWarnings("unchecked")
		final A failed = (A) CellConverter.access(level.format().allocate(fullChunk), true);
		final LazyCellImg.Get<Cell<A>> get = index -> {
			final long[] cellPosition = new long[n];
			grid.getCellGridPositionFlat(index, cellPosition);
			final long[] chunk = Axes.reverse(cellPosition);
			final Optional<Cell<?>> cached = cache.peek(chunk);
			if (cached.isPresent()) {
				@SuppressWarnings("unchecked")
				final Cell<A> cell = (Cell<A>) cached.get();
				return cell;
			}
			final boolean hasFailed = fetcher.hasFailed(cache, chunk);
			if (!hasFailed)
				fetcher.request(cache, chunk);
			final long[] min = new long[n];
			final int[] dimensions = new int[n];
			grid.getCellDimensions(cellPosition, min, dimensions);
			return new Cell<>(dimensions, min, hasFailed ? failed : invalid);
		};
		return new VolatileLevelImage<>(level, new LazyCellImg<>(grid, type, get), type);
	}

	/** The volatile image, x-y-z. */
	public LazyCellImg<V, ?> img() {
		return img;
	}

	/** A new instance of the pixel type (reads nothing). */
	public V type() {
		return type.createVariable();
	}

	/** The plain image whose cache this image shares. */
	public LevelImage<?> level() {
		return level;
	}
}
