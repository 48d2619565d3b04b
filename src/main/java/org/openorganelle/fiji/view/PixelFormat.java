package org.openorganelle.fiji.view;

import java.util.function.IntFunction;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.DataType.Kind;

import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * How each supported Zarr dtype is held in memory (the primitive array of an ImgLib2
 * cell or plane) and shown in ImageJ 1.x.
 * <p>
 * ImageJ has no signed 8- or 16-bit images. As ImageJ does when it opens signed 16-bit
 * TIFFs, signed values are stored shifted into the unsigned range (int8 + 128, int16 +
 * 32768) with a straight-line calibration function that maps them back, so measurements
 * report the original values. 32- and 64-bit integers and float64 are shown as 32-bit
 * float (exact up to 2<sup>24</sup> in magnitude). bool is held and shown as 8-bit 0 and 1;
 * float16 is held and shown as 32-bit float (exact: every half is a float).
 */
enum PixelFormat {

	BOOL(Kind.BOOL, 1, 8, byte[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			return new ByteProcessor(width, height, (byte[]) plane);
		}
	},
	UINT8(Kind.UNSIGNED, 1, 8, byte[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			return new ByteProcessor(width, height, (byte[]) plane);
		}
	},
	INT8(Kind.SIGNED, 1, 8, byte[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final byte[] values = (byte[]) plane;
			for (int i = 0; i < values.length; i++)
				values[i] ^= (byte) 0x80;
			return new ByteProcessor(width, height, values);
		}

		@Override
		void calibrate(final Calibration calibration) {
			calibration.setFunction(Calibration.STRAIGHT_LINE, new double[] { -128, 1 }, "Gray Value");
		}

		@Override
		double pixelValue(final double value) {
			return value + 128;
		}
	},
	UINT16(Kind.UNSIGNED, 2, 16, short[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			return new ShortProcessor(width, height, (short[]) plane, null);
		}
	},
	INT16(Kind.SIGNED, 2, 16, short[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final short[] values = (short[]) plane;
			for (int i = 0; i < values.length; i++)
				values[i] ^= (short) 0x8000;
			return new ShortProcessor(width, height, values, null);
		}

		@Override
		void calibrate(final Calibration calibration) {
			calibration.setSigned16BitCalibration();
		}

		@Override
		double pixelValue(final double value) {
			return value + 32768;
		}
	},
	UINT32(Kind.UNSIGNED, 4, 32, int[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final int[] values = (int[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = values[i] & 0xffffffffL;
			return new FloatProcessor(width, height, pixels);
		}
	},
	INT32(Kind.SIGNED, 4, 32, int[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final int[] values = (int[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = values[i];
			return new FloatProcessor(width, height, pixels);
		}
	},
	UINT64(Kind.UNSIGNED, 8, 32, long[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final long[] values = (long[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = (float) DataType.unsignedToDouble(values[i]);
			return new FloatProcessor(width, height, pixels);
		}
	},
	INT64(Kind.SIGNED, 8, 32, long[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final long[] values = (long[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = values[i];
			return new FloatProcessor(width, height, pixels);
		}
	},
	FLOAT16(Kind.FLOAT, 2, 32, float[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			return new FloatProcessor(width, height, (float[]) plane);
		}
	},
	FLOAT32(Kind.FLOAT, 4, 32, float[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			return new FloatProcessor(width, height, (float[]) plane);
		}
	},
	FLOAT64(Kind.FLOAT, 8, 32, double[]::new) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final double[] values = (double[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = (float) values[i];
			return new FloatProcessor(width, height, pixels);
		}
	};

	private final Kind kind;
	private final int size;
	private final int bitDepth;
	private final IntFunction<Object> allocator;

	/**
	 * @param kind the kind of dtype shown
	 * @param size its size in bytes
	 * @param bitDepth the ImageJ bit depth of its planes
	 * @param allocator makes the primitive arrays of its cells and planes
	 */
	PixelFormat(final Kind kind, final int size, final int bitDepth, final IntFunction<Object> allocator) {
		this.kind = kind;
		this.size = size;
		this.bitDepth = bitDepth;
		this.allocator = allocator;
	}

	/**
	 * The format of a dtype.
	 *
	 * @param arrayUri the array, named in the error
	 * @throws OpenOrganelleException naming the dtype when it cannot be shown
	 */
	static PixelFormat of(final DataType dataType, final String arrayUri) {
		for (final PixelFormat format : values())
			if (format.kind == dataType.kind() && format.size == dataType.size())
				return format;
		throw new OpenOrganelleException("dtype " + dataType.descr() + " (" + dataType.numpyName() + ") of "
				+ arrayUri + " cannot be previewed");
	}

	/** A primitive array for {@code n} elements, of the kind ImgLib2 uses for this format. */
	Object allocate(final int n) {
		return allocator.apply(n);
	}

	/** Bytes per element in memory: the dtype's size, but 4 for float16 (held as float). */
	int bytes() {
		return this == FLOAT16 ? Float.BYTES : size;
	}

	/** The ImageJ bit depth of the planes: 8, 16 or 32. */
	int bitDepth() {
		return bitDepth;
	}

	/**
	 * An ImageJ processor of one plane, which it may take over.
	 *
	 * @param plane an array from {@link #allocate(int)} holding the plane's values, x fastest
	 */
	abstract ImageProcessor processor(Object plane, int width, int height);

	/** Sets the calibration function that maps shown pixel values back to the stored values. */
	void calibrate(final Calibration calibration) {
		calibration.disableDensityCalibration();
	}

	/** The ImageJ pixel value that shows a stored value (signed 8- and 16-bit values are shifted). */
	double pixelValue(final double value) {
		return value;
	}
}
