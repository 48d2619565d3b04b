package org.openorganelle.fiji.view;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.DataType;

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
 * float (exact up to 2<sup>24</sup> in magnitude).
 */
enum PixelFormat {

	UINT8(8) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			return new ByteProcessor(width, height, (byte[]) plane);
		}
	},
	INT8(8) {

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
	UINT16(16) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			return new ShortProcessor(width, height, (short[]) plane, null);
		}
	},
	INT16(16) {

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
	UINT32(32) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final int[] values = (int[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = values[i] & 0xffffffffL;
			return new FloatProcessor(width, height, pixels);
		}
	},
	INT32(32) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final int[] values = (int[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = values[i];
			return new FloatProcessor(width, height, pixels);
		}
	},
	UINT64(32) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final long[] values = (long[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = (float) DataType.unsignedToDouble(values[i]);
			return new FloatProcessor(width, height, pixels);
		}
	},
	INT64(32) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final long[] values = (long[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = values[i];
			return new FloatProcessor(width, height, pixels);
		}
	},
	FLOAT32(32) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			return new FloatProcessor(width, height, (float[]) plane);
		}
	},
	FLOAT64(32) {

		@Override
		ImageProcessor processor(final Object plane, final int width, final int height) {
			final double[] values = (double[]) plane;
			final float[] pixels = new float[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = (float) values[i];
			return new FloatProcessor(width, height, pixels);
		}
	};

	private final int bitDepth;

	PixelFormat(final int bitDepth) {
		this.bitDepth = bitDepth;
	}

	/**
	 * The format of a dtype.
	 *
	 * @param arrayUri the array, named in the error
	 * @throws OpenOrganelleException naming the dtype when it cannot be shown
	 */
	static PixelFormat of(final DataType dataType, final String arrayUri) {
		final int size = dataType.size();
		switch (dataType.kind()) {
		case UNSIGNED:
			return size == 1 ? UINT8 : size == 2 ? UINT16 : size == 4 ? UINT32 : size == 8 ? UINT64 : unsupported(
					dataType, arrayUri);
		case SIGNED:
			return size == 1 ? INT8 : size == 2 ? INT16 : size == 4 ? INT32 : size == 8 ? INT64 : unsupported(
					dataType, arrayUri);
		case FLOAT:
			return size == 4 ? FLOAT32 : size == 8 ? FLOAT64 : unsupported(dataType, arrayUri);
		default:
			return unsupported(dataType, arrayUri);
		}
	}

	private static PixelFormat unsupported(final DataType dataType, final String arrayUri) {
		throw new OpenOrganelleException("dtype " + dataType.descr() + " (" + dataType.numpyName() + ") of "
				+ arrayUri + " cannot be previewed");
	}

	/** A primitive array for {@code n} elements, of the kind ImgLib2 uses for this format. */
	Object allocate(final int n) {
		switch (this) {
		case UINT8:
		case INT8:
			return new byte[n];
		case UINT16:
		case INT16:
			return new short[n];
		case UINT32:
		case INT32:
			return new int[n];
		case UINT64:
		case INT64:
			return new long[n];
		case FLOAT32:
			return new float[n];
		default:
			return new double[n];
		}
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
