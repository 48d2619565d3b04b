package org.openorganelle.fiji.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} file (v1.0–3.0) parsed independently of the project's own code:
 * descr, fortran_order, shape and the raw data bytes.
 */
public final class NpyFile {

	private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
	private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

	public final String descr;
	public final boolean fortranOrder;
	public final long[] shape;
	public final int headerLength;
	public final byte[] data;

	private NpyFile(final String descr, final boolean fortranOrder, final long[] shape, final int headerLength,
			final byte[] data) {
		this.descr = descr;
		this.fortranOrder = fortranOrder;
		this.shape = shape;
		this.headerLength = headerLength;
		this.data = data;
	}

	public static NpyFile read(final Path path) throws IOException {
		return parse(Files.readAllBytes(path));
	}

	public static NpyFile parse(final byte[] bytes) {
		if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII)
				.equals("NUMPY"))
			throw new IllegalArgumentException("not an .npy file");
		final int major = bytes[6];
		final int headerLength;
		final int dataStart;
		if (major == 1) {
			headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
			dataStart = 10 + headerLength;
		} else {
			headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8 | (bytes[10] & 0xff) << 16
					| (bytes[11] & 0xff) << 24;
			dataStart = 12 + headerLength;
		}
		final String header = new String(bytes, dataStart - headerLength, headerLength, StandardCharsets.ISO_8859_1);
		final String descr = find(DESCR, header);
		final boolean fortran = find(FORTRAN, header).equals("True");
		final String[] dims = find(SHAPE, header).split(",");
		final long[] shape = Arrays.stream(dims).map(String::trim).filter(s -> !s.isEmpty())
				.mapToLong(Long::parseLong).toArray();
		return new NpyFile(descr, fortran, shape, dataStart, Arrays.copyOfRange(bytes, dataStart, bytes.length));
	}

	private static String find(final Pattern p, final String header) {
		final Matcher m = p.matcher(header);
		if (!m.find())
			throw new IllegalArgumentException("npy header lacks " + p + ": " + header);
		return m.group(1);
	}
}
