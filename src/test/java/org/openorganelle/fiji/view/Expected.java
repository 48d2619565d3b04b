package org.openorganelle.fiji.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

/** Expected values from the committed {@code .npy} fixtures, read independently of the code under test. */
final class Expected {

	static final String NACC = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr";
	static final String FIBSEM = "recon-2/em/fibsem-int16";

	private static ByteBuffer float16Table;

	final NpyFile npy;
	private final ByteBuffer data;
	private final char kind;
	private final int size;

	private Expected(final NpyFile npy) {
		this.npy = npy;
		this.data = ByteBuffer.wrap(npy.data).order(npy.descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN
				: ByteOrder.LITTLE_ENDIAN);
		this.kind = npy.descr.charAt(1);
		this.size = npy.descr.charAt(2) - '0';
		if (npy.fortranOrder)
			throw new IllegalArgumentException("expected C-order .npy");
	}

	static Expected read(final Path npy) throws IOException {
		return new Expected(NpyFile.read(npy));
	}

	/** The expected values of a level of the nacc-2 fibsem image. */
	static Expected nacc(final String level) throws IOException {
		return read(Fixtures.bucketExpected().resolve(NACC).resolve(FIBSEM).resolve(level + ".npy"));
	}

	/** A level of the nacc-2 fibsem image, read through a given store wrapper. */
	static ScaleLevel naccLevel(final UnaryOperator<KeyValueStore> wrap, final String level) {
		return Container.open(wrap.apply(new FileStore(Fixtures.bucket().resolve(NACC)))).image(FIBSEM).level(level);
	}

	int count() {
		return npy.data.length / size;
	}

	/**
	 * The bits of element {@code i} (C order): signed integers sign-extended, unsigned zero-extended,
	 * bool 0 or 1, float bits; float16 as the bits of the float numpy widens it to.
	 */
	long bits(final int i) {
		final int at = i * size;
		switch (size) {
		case 1:
			return kind == 'b' ? data.get(at) == 0 ? 0 : 1 : kind == 'u' ? data.get(at) & 0xff : data.get(at);
		case 2:
			if (kind == 'f')
				return numpyFloat16ToFloat32().getInt((data.getShort(at) & 0xffff) * 4);
			return kind == 'u' ? data.getShort(at) & 0xffff : data.getShort(at);
		case 4:
			return kind == 'u' ? data.getInt(at) & 0xffffffffL : data.getInt(at);
		default:
			return data.getLong(at);
		}
	}

	/** Element {@code i} as a double (unsigned 64-bit converted exactly as far as a double can). */
	double value(final int i) {
		final long bits = bits(i);
		if (kind == 'f')
			return size <= 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
		if (kind == 'u' && size == 8)
			return new BigInteger(Long.toUnsignedString(bits)).doubleValue();
		return bits;
	}

	boolean isFloat() {
		return kind == 'f';
	}

	/** numpy's float32 bits of each float16 bit pattern (scripts/fixtures/make_dtype_fixtures.py). */
	private static ByteBuffer numpyFloat16ToFloat32() {
		synchronized (Expected.class) {
			if (float16Table == null)
				try {
					float16Table = ByteBuffer.wrap(NpyFile.read(Fixtures.dtypes().resolve("float16_to_float32.npy"))
							.data).order(ByteOrder.LITTLE_ENDIAN);
				} catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			return float16Table;
		}
	}
}
