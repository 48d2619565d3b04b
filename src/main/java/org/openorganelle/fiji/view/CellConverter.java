package org.openorganelle.fiji.view;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Float16;

import net.imglib2.img.basictypeaccess.volatiles.array.VolatileByteArray;
import net.imglib2.img.basictypeaccess.volatiles.array.VolatileDoubleArray;
import net.imglib2.img.basictypeaccess.volatiles.array.VolatileFloatArray;
import net.imglib2.img.basictypeaccess.volatiles.array.VolatileIntArray;
import net.imglib2.img.basictypeaccess.volatiles.array.VolatileLongArray;
import net.imglib2.img.basictypeaccess.volatiles.array.VolatileShortArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;

/**
 * Turns a decoded Zarr chunk (C order, z-y-x, array byte order, full chunk shape) into an
 * ImgLib2 {@link Cell} (x-y-z, native values, cropped to the image at its edges): bool bytes
 * become 0 or 1, float16 values floats.
 * <p>
 * The cell's data is a <em>valid</em> volatile array ({@code VolatileShortArray(values, true)}
 * etc.): it serves both the plain image ({@link LevelImage}, whose types need only the
 * non-volatile access) and the volatile image ({@link VolatileLevelImage}), so both share one
 * cached copy of each chunk.
 */
final class CellConverter implements ChunkCache.Converter<Cell<?>> {

	private final CellGrid grid;
	private final PixelFormat format;
	private final DataType dataType;
	private final int[] chunkDimensions;

	/**
	 * @param grid the image's cell grid, x-y-z
	 * @param dataType the array's dtype
	 * @param format its in-memory format
	 */
	CellConverter(final CellGrid grid, final DataType dataType, final PixelFormat format) {
		this.grid = grid;
		this.dataType = dataType;
		this.format = format;
		this.chunkDimensions = grid.getCellDimensions();
	}

	@Override
	public Cell<?> convert(final long[] gridPosition, final byte[] chunk) {
		final int n = chunkDimensions.length;
		final long[] cellPosition = Axes.reverse(gridPosition);
		final long[] min = new long[n];
		final int[] dimensions = new int[n];
		grid.getCellDimensions(cellPosition, min, dimensions);
		final Object data = crop(chunk, dimensions);
		return new Cell<>(dimensions, min, access(data, true));
	}

	@Override
	public long sizeInBytes(final Cell<?> cell) {
		return cell.size() * format.bytes();
	}

	/** Copies the part of a full chunk that lies in the image, x rows at a time, converting to native values. */
	private Object crop(final byte[] chunk, final int[] dimensions) {
		final int n = dimensions.length;
		int count = 1;
		for (final int d : dimensions)
			count *= d;
		final Object dst = format.allocate(count);
		final Rows rows = rows(ByteBuffer.wrap(chunk).order(dataType.order()), dst);
		final int[] position = new int[n];
		final int rowLength = dimensions[0];
		for (int dstOffset = 0; dstOffset < count; dstOffset += rowLength) {
			int srcOffset = 0;
			int stride = 1;
			for (int d = 0; d < n; d++) {
				srcOffset += position[d] * stride;
				stride *= chunkDimensions[d];
			}
			rows.copy(srcOffset, dstOffset, rowLength);
			for (int d = 1; d < n && ++position[d] == dimensions[d]; d++)
				position[d] = 0;
		}
		return dst;
	}

	private Rows rows(final ByteBuffer src, final Object dst) {
		if (format == PixelFormat.BOOL) {
			final byte[] values = (byte[]) dst;
			return (from, to, length) -> {
				for (int i = 0; i < length; i++)
					values[to + i] = (byte) (src.get(from + i) == 0 ? 0 : 1);
			};
		}
		if (format == PixelFormat.FLOAT16) {
			final ShortBuffer buffer = src.asShortBuffer();
			final float[] values = (float[]) dst;
			return (from, to, length) -> {
				for (int i = 0; i < length; i++)
					values[to + i] = Float16.toFloat(buffer.get(from + i));
			};
		}
		if (dst instanceof byte[])
			return (from, to, length) -> src.position(from).get((byte[]) dst, to, length);
		if (dst instanceof short[]) {
			final ShortBuffer buffer = src.asShortBuffer();
			return (from, to, length) -> buffer.position(from).get((short[]) dst, to, length);
		}
		if (dst instanceof int[]) {
			final IntBuffer buffer = src.asIntBuffer();
			return (from, to, length) -> buffer.position(from).get((int[]) dst, to, length);
		}
		if (dst instanceof long[]) {
			final LongBuffer buffer = src.asLongBuffer();
			return (from, to, length) -> buffer.position(from).get((long[]) dst, to, length);
		}
		if (dst instanceof float[]) {
			final FloatBuffer buffer = src.asFloatBuffer();
			return (from, to, length) -> buffer.position(from).get((float[]) dst, to, length);
		}
		final DoubleBuffer buffer = src.asDoubleBuffer();
		return (from, to, length) -> buffer.position(from).get((double[]) dst, to, length);
	}

	/**
	 * A volatile access over a primitive array from {@link PixelFormat#allocate(int)}.
	 *
	 * @param valid whether the values are the array's (true) or a placeholder for a chunk still loading
	 */
	static Object access(final Object data, final boolean valid) {
		if (data instanceof byte[])
			return new VolatileByteArray((byte[]) data, valid);
		if (data instanceof short[])
			return new VolatileShortArray((short[]) data, valid);
		if (data instanceof int[])
			return new VolatileIntArray((int[]) data, valid);
		if (data instanceof long[])
			return new VolatileLongArray((long[]) data, valid);
		if (data instanceof float[])
			return new VolatileFloatArray((float[]) data, valid);
		return new VolatileDoubleArray((double[]) data, valid);
	}

	/** Copies {@code length} elements from element {@code from} of a chunk to element {@code to} of a cell. */
	private interface Rows {

		void copy(int from, int to, int length);
	}
}
