package org.openorganelle.fiji.export;

import java.nio.charset.StandardCharsets;

import org.openorganelle.fiji.array.DataType;

/**
 * The header of a NumPy {@code .npy} file, format version 1.0, C order, written exactly
 * as {@code numpy.save} writes it: the dictionary text padded with spaces so the data
 * starts at a multiple of 64 bytes.
 */
public final class NpyHeader {

	private static final int ALIGNMENT = 64;
	private static final int PREAMBLE = 10; // magic (6) + version (2) + header length (2)

	private NpyHeader() {
	}

	/**
	 * @param type the element type, written as its NumPy descr ({@code <i2}, {@code >u8}, {@code |u1})
	 * @param shape the array shape
	 * @return the complete header; the data follows immediately
	 */
	public static byte[] of(final DataType type, final long[] shape) {
		final StringBuilder dict = new StringBuilder("{'descr': '").append(type.descr())
				.append("', 'fortran_order': False, 'shape': (");
		for (int d = 0; d < shape.length; d++)
			dict.append(d > 0 ? ", " : "").append(shape[d]);
		dict.append(shape.length == 1 ? ",), }" : "), }");
		final int unpadded = PREAMBLE + dict.length() + 1;
		final int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
		final int headerLength = dict.length() + padding + 1;
		if (headerLength > 0xffff)
			throw new IllegalArgumentException("npy v1.0 header too long for shape of rank " + shape.length);
		final byte[] text = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
		final byte[] header = new byte[PREAMBLE + text.length];
		header[0] = (byte) 0x93;
		System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, header, 1, 5);
		header[6] = 1;
		header[7] = 0;
		header[8] = (byte) headerLength;
		header[9] = (byte) (headerLength >> 8);
		System.arraycopy(text, 0, header, PREAMBLE, text.length);
		return header;
	}
}
