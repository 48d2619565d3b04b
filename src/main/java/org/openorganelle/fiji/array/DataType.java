package org.openorganelle.fiji.array;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * A Zarr v2 / NumPy element type such as {@code <i2} or {@code |u1}: kind (boolean,
 * unsigned, signed, float), size in bytes and byte order. The encoding is kept exactly as
 * stored, so exports preserve it byte for byte.
 */
public final class DataType {

	/** The element kinds this reader supports. */
	public enum Kind {
		BOOL('b', "bool"), UNSIGNED('u', "uint"), SIGNED('i', "int"), FLOAT('f', "float");

		private final char code;
		private final String numpyPrefix;

		Kind(final char code, final String numpyPrefix) {
			this.code = code;
			this.numpyPrefix = numpyPrefix;
		}
	}

	/** Every dtype string {@link #parse(String)} accepts, for error messages. */
	public static final List<String> SUPPORTED = List.of("|b1", "|u1", "|i1", "<u2", "<i2", "<u4", "<i4", "<u8",
			"<i8", "<f2", "<f4", "<f8", ">u2", ">i2", ">u4", ">i4", ">u8", ">i8", ">f2", ">f4", ">f8");

	private final Kind kind;
	private final int size;
	private final ByteOrder order;

	private DataType(final Kind kind, final int size, final ByteOrder order) {
		this.kind = kind;
		this.size = size;
		this.order = order;
	}

	/**
	 * Parses a Zarr v2 dtype string. Single-byte types accept any byte-order mark
	 * ({@code |}, {@code <}, {@code >}).
	 *
	 * @throws FormatException for structured, string, complex, datetime or other
	 *         unsupported types, naming the valid ones
	 */
	public static DataType parse(final String dtype) {
		if (dtype == null || dtype.length() != 3)
			throw unsupported(dtype);
		final char orderMark = dtype.charAt(0);
		final Kind kind = kindOf(dtype.charAt(1));
		final int size = dtype.charAt(2) - '0';
		if (kind == null || orderMark != '|' && orderMark != '<' && orderMark != '>')
			throw unsupported(dtype);
		final boolean validSize = kind == Kind.BOOL ? size == 1 : kind == Kind.FLOAT ? size == 2 || size == 4
				|| size == 8 : size == 1 || size == 2 || size == 4 || size == 8;
		if (!validSize || size > 1 && orderMark == '|')
			throw unsupported(dtype);
		return new DataType(kind, size, orderMark == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
	}

	/** A little-endian (or single-byte) type of the given kind and size. */
	public static DataType of(final Kind kind, final int size) {
		return parse((size == 1 ? "|" : "<") + kind.code + size);
	}

	private static Kind kindOf(final char code) {
		for (final Kind k : Kind.values())
			if (k.code == code)
				return k;
		return null;
	}

	private static FormatException unsupported(final String dtype) {
		return new FormatException("unsupported dtype '" + dtype + "'; supported: " + String.join(" ", SUPPORTED));
	}

	public Kind kind() {
		return kind;
	}

	/** Bytes per element. */
	public int size() {
		return size;
	}

	/** Byte order of stored elements (little-endian for single-byte types). */
	public ByteOrder order() {
		return order;
	}

	/**
	 * The integer element at a byte offset of a buffer in this type's byte order: signed types
	 * sign-extended, unsigned ones zero-extended (uint64 as its 64 bits, so values of 2<sup>63</sup>
	 * and above come out negative), bool 0 or 1 (any non-zero byte is true, as in NumPy). For
	 * float types, the bits of the value.
	 */
	public long longAt(final ByteBuffer buffer, final int at) {
		if (kind == Kind.BOOL)
			return buffer.get(at) == 0 ? 0 : 1;
		final long bits;
		switch (size) {
			case 1:
				bits = buffer.get(at);
				break;
			case 2:
				bits = buffer.getShort(at);
				break;
			case 4:
				bits = buffer.getInt(at);
				break;
			default:
				return buffer.getLong(at);
		}
		return kind == Kind.UNSIGNED ? bits & (-1L >>> (64 - 8 * size)) : bits;
	}

	/**
	 * The element at a byte offset of a buffer in this type's byte order, as a double: exact for
	 * every type but 64-bit integers (uint64 stays positive), bool 0 or 1.
	 */
	public double doubleAt(final ByteBuffer buffer, final int at) {
		if (kind == Kind.FLOAT)
			return size == 2 ? Float16.toFloat(buffer.getShort(at)) : size == 4 ? buffer.getFloat(at)
					: buffer.getDouble(at);
		final long value = longAt(buffer, at);
		return kind == Kind.UNSIGNED ? unsignedToDouble(value) : value;
	}

	/** The value of an unsigned 64-bit integer held in a long, rounded to the nearest double. */
	public static double unsignedToDouble(final long value) {
		return value >= 0 ? value : ((value >>> 1) | (value & 1)) * 2.0;
	}

	/** The Zarr / NumPy {@code descr} string, e.g. {@code <i2}, {@code >f2}, {@code |u1}, {@code |b1}. */
	public String descr() {
		final char mark = size == 1 ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
		return "" + mark + kind.code + size;
	}

	/** The NumPy type name, e.g. {@code bool}, {@code int16}, {@code uint64}, {@code float16}. */
	public String numpyName() {
		return kind == Kind.BOOL ? kind.numpyPrefix : kind.numpyPrefix + size * 8;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof DataType))
			return false;
		final DataType other = (DataType) o;
		return kind == other.kind && size == other.size && order == other.order;
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(new Object[] { kind, size, order });
	}

	@Override
	public String toString() {
		return descr();
	}
}
