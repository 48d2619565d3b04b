package org.openorganelle.fiji.view;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.multiscale.ScaleLevel;

import net.imglib2.img.basictypeaccess.DataAccess;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A Zarr array as a lazy ImgLib2 image: a {@link LazyCellImg} whose cells are the array's
 * chunks, loaded on first access through a bounded {@link ChunkCache}.
 * <p>
 * ImgLib2 axes are the Zarr axes reversed (x, y, z for COSEM's z, y, x). Values are native
 * whatever the stored byte order. Types: bool (0 and 1) and uint8 {@link UnsignedByteType}, int8
 * {@link ByteType}, uint16 {@link UnsignedShortType}, int16 {@link ShortType}, uint32
 * {@link UnsignedIntType}, int32 {@link IntType}, uint64 {@link UnsignedLongType}, int64
 * {@link LongType}, float16 (widened exactly) and float32 {@link FloatType}, float64 {@link DoubleType}.
 *
 * @param <T> the pixel type
 */
public final class LevelImage<T extends NativeType<T> & RealType<T>> {

	private final ChunkedArray array;
	private final PixelFormat format;
	private final ChunkCache<Cell<?>> cache;
	private final LazyCellImg<T, ?> img;
	private final T type;

	private LevelImage(final ChunkedArray array, final PixelFormat format, final ChunkCache<Cell<?>> cache,
			final LazyCellImg<T, ?> img, final T type) {
		this.array = array;
		this.format = format;
		this.cache = cache;
		this.img = img;
		this.type = type;
	}

	/**
	 * The image of a pyramid level, with a cache of {@link ChunkCache#DEFAULT_MAX_BYTES}.
	 *
	 * @throws org.openorganelle.fiji.OpenOrganelleException naming the dtype when it is not supported
	 */
	public static LevelImage<?> open(final ScaleLevel level) {
		return open(level.array(), ChunkCache.DEFAULT_MAX_BYTES);
	}

	/**
	 * The image of an array. No chunk is read until a pixel is.
	 *
	 * @param maxCacheBytes the budget of decoded chunks kept in memory
	 * @throws org.openorganelle.fiji.OpenOrganelleException naming the dtype when it is not supported
	 */
	public static LevelImage<?> open(final ChunkedArray array, final long maxCacheBytes) {
		final PixelFormat format = PixelFormat.of(array.metadata().dataType(), array.uri());
		switch (format) {
		case BOOL:
		case UINT8:
			return create(array, format, new UnsignedByteType(), maxCacheBytes);
		case INT8:
			return create(array, format, new ByteType(), maxCacheBytes);
		case UINT16:
			return create(array, format, new UnsignedShortType(), maxCacheBytes);
		case INT16:
			return create(array, format, new ShortType(), maxCacheBytes);
		case UINT32:
			return create(array, format, new UnsignedIntType(), maxCacheBytes);
		case INT32:
			return create(array, format, new IntType(), maxCacheBytes);
		case UINT64:
			return create(array, format, new UnsignedLongType(), maxCacheBytes);
		case INT64:
			return create(array, format, new LongType(), maxCacheBytes);
		case FLOAT16:
		case FLOAT32:
			return create(array, format, new FloatType(), maxCacheBytes);
		case FLOAT64:
			return create(array, format, new DoubleType(), maxCacheBytes);
		default:
			throw new OpenOrganelleException("the pixel format " + format + " of " + array.uri()
					+ " has no ImgLib2 type");
		}
	}

	private static <T extends NativeType<T> & RealType<T>, A extends DataAccess> LevelImage<T> create(
			final ChunkedArray array, final PixelFormat format, final T type, final long maxCacheBytes) {
		final ArrayMetadata metadata = array.metadata();
		final CellGrid grid = new CellGrid(Axes.reverse(metadata.shape()), Axes.reverse(metadata.chunks()));
		final ChunkCache<Cell<?>> cache = new ChunkCache<>(array, maxCacheBytes,
				new CellConverter(grid, metadata.dataType(), format));
		final int n = grid.numDimensions();
		final LazyCellImg.Get<Cell<A>> get = index -> {
			final long[] cellPosition = new long[n];
			grid.getCellGridPositionFlat(index, cellPosition);
			@SuppressWarnings("unchecked")
			final Cell<A> cell = (Cell<A>) cache.get(Axes.reverse(cellPosition));
			return cell;
		};
		return new LevelImage<>(array, format, cache, new LazyCellImg<>(grid, type, get), type);
	}

	/** The image, x-y-z. */
	public LazyCellImg<T, ?> img() {
		return img;
	}

	/** A new instance of the pixel type (reads nothing, unlike the image's first element). */
	public T type() {
		return type.createVariable();
	}

	/** The array the image shows. */
	public ChunkedArray array() {
		return array;
	}

	/** The cache of the image's chunks, for statistics and to free memory. */
	public ChunkCache<Cell<?>> cache() {
		return cache;
	}

	PixelFormat format() {
		return format;
	}
}
