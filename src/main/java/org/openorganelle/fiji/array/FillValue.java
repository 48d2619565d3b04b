package org.openorganelle.fiji.array;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The value of elements in chunks that are not stored, encoded as one element of the
 * array's {@link DataType} (its size and byte order). Parsed from the {@code fill_value}
 * of a {@code .zarray} or {@code zarr.json}: integers of any size (uint64 values above 2^63
 * included), floats, {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, {@code true} and
 * {@code false} for bool, and {@code null} (read as zero, as zarr-python leaves such chunks
 * uninitialised). float16 values are rounded to the nearest half, ties to even, as
 * {@code np.float16(x)} rounds them. Zarr v3's hex bit patterns ({@code "0x7e00"}) are
 * {@link #ofBits(String, DataType)}.
 */
public final class FillValue {

	private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
	private static final String HEX = "0x";

	private final byte[] element;
	private final String text;

	private FillValue(final byte[] element, final String text) {
		this.element = element;
		this.text = text;
	}

	/**
	 * Parses a {@code fill_value} for the given type.
	 *
	 * @throws FormatException when the value is not a number of the type or lies outside its range
	 */
	public static FillValue parse(final JsonNode node, final DataType type) {
		if (node == null || node.isNull())
			return new FillValue(new byte[type.size()], "null");
		switch (type.kind()) {
		case BOOL:
			if (!node.isBoolean())
				throw invalid(node, type);
			return new FillValue(new byte[] { (byte) (node.booleanValue() ? 1 : 0) }, node.asText());
		case FLOAT:
			return new FillValue(floatElement(floatValue(node, type), type), node.asText());
		default:
			return new FillValue(element(integerValue(node, type).longValue(), type), node.asText());
		}
	}

	/**
	 * A fill value given as the bits of one element in hexadecimal, {@code 0x} and up to two
	 * digits per byte, e.g. Zarr v3's {@code "0x7e00"} (a float16 NaN) or {@code "0x7fc00000"}
	 * (a float32 NaN); the bits are kept as they are, NaN payloads included.
	 *
	 * @throws FormatException when the text is not such a pattern, has more bits than the type,
	 *         or is neither 0 nor 1 for bool
	 */
	public static FillValue ofBits(final String hex, final DataType type) {
		final String digits = hex.startsWith(HEX) ? hex.substring(HEX.length()) : "";
		if (digits.isEmpty() || digits.length() > 2 * type.size() || !digits.chars().allMatch(c -> Character.digit(
				c, 16) >= 0))
			throw invalid(TextNode.valueOf(hex), type);
		final long bits = Long.parseUnsignedLong(digits, 16);
		if (type.kind() == DataType.Kind.BOOL && bits > 1)
			throw invalid(TextNode.valueOf(hex), type);
		return new FillValue(element(bits, type), hex);
	}

	/** The low {@code size} bytes of {@code bits} in the type's byte order. */
	private static byte[] element(final long bits, final DataType type) {
		final ByteBuffer buffer = ByteBuffer.allocate(type.size()).order(type.order());
		switch (type.size()) {
		case 1:
			buffer.put((byte) bits);
			break;
		case 2:
			buffer.putShort((short) bits);
			break;
		case 4:
			buffer.putInt((int) bits);
			break;
		default:
			buffer.putLong(bits);
		}
		return buffer.array();
	}

	private static byte[] floatElement(final double value, final DataType type) {
		switch (type.size()) {
		case 2:
			return element(Float16.fromDouble(value), type);
		case 4:
			return element(Float.floatToRawIntBits((float) value), type);
		default:
			return element(Double.doubleToRawLongBits(value), type);
		}
	}

	private static double floatValue(final JsonNode node, final DataType type) {
		if (node.isNumber())
			return node.doubleValue();
		switch (node.asText()) {
		case "NaN":
			return Double.NaN;
		case "Infinity":
			return Double.POSITIVE_INFINITY;
		case "-Infinity":
			return Double.NEGATIVE_INFINITY;
		default:
			throw invalid(node, type);
		}
	}

	private static BigInteger integerValue(final JsonNode node, final DataType type) {
		final BigInteger value;
		if (node.isIntegralNumber())
			value = node.bigIntegerValue();
		else if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue()))
			value = node.decimalValue().toBigIntegerExact();
		else
			throw invalid(node, type);
		final int bits = type.size() * 8;
		final BigInteger min = type.kind() == DataType.Kind.SIGNED ? BigInteger.ONE.shiftLeft(bits - 1).negate()
				: BigInteger.ZERO;
		final BigInteger max = type.kind() == DataType.Kind.SIGNED ? BigInteger.ONE.shiftLeft(bits - 1)
				: bits == 64 ? TWO_TO_64 : BigInteger.ONE.shiftLeft(bits);
		if (value.compareTo(min) < 0 || value.compareTo(max) >= 0)
			throw invalid(node, type);
		return value;
	}

	private static FormatException invalid(final JsonNode node, final DataType type) {
		return new FormatException("fill_value " + node + " is not a valid " + type.numpyName());
	}

	/** One encoded element (a copy). */
	public byte[] element() {
		return element.clone();
	}

	/** Whether every byte of the encoded element is zero. */
	public boolean isZero() {
		for (final byte b : element)
			if (b != 0)
				return false;
		return true;
	}

	/** Fills {@code dst[off, off+len)} with repetitions of the element ({@code len} a multiple of its size). */
	public void fill(final byte[] dst, final int off, final int len) {
		if (isZero()) {
			Arrays.fill(dst, off, off + len, (byte) 0);
			return;
		}
		final int n = element.length;
		System.arraycopy(element, 0, dst, off, Math.min(n, len));
		for (int filled = n; filled < len; filled *= 2)
			System.arraycopy(dst, off, dst, off + filled, Math.min(filled, len - filled));
	}

	@Override
	public String toString() {
		return text;
	}
}
