package org.openorganelle.fiji.store;

import java.util.Arrays;

/**
 * A part of a stored value: {@code length} bytes from {@code offset}, or its last
 * {@code length} bytes (a suffix, as a shard index is read). A ranged read returns exactly
 * that many bytes; a value too short to hold the range is an error, never a shorter answer.
 */
public final class ByteRange {

	private final long offset;
	private final int length;

	private ByteRange(final long offset, final int length) {
		this.offset = offset;
		this.length = length;
	}

	/** {@code length} bytes from {@code offset}. */
	public static ByteRange of(final long offset, final int length) {
		if (offset < 0 || length < 1)
			throw new IllegalArgumentException("a byte range needs an offset >= 0 and a length >= 1, not " + offset
					+ " and " + length);
		return new ByteRange(offset, length);
	}

	/** The last {@code length} bytes. */
	public static ByteRange suffix(final int length) {
		if (length < 1)
			throw new IllegalArgumentException("a suffix range needs a length >= 1, not " + length);
		return new ByteRange(-1, length);
	}

	public boolean isSuffix() {
		return offset < 0;
	}

	/** The first byte's position; only for ranges that are not suffixes. */
	public long offset() {
		if (isSuffix())
			throw new IllegalStateException("a suffix range has no fixed offset");
		return offset;
	}

	public int length() {
		return length;
	}

	/** The value of an HTTP {@code Range} header asking for this range. */
	public String header() {
		return isSuffix() ? "bytes=-" + length : "bytes=" + offset + "-" + (offset + length - 1);
	}

	/**
	 * Where this range starts in a value of {@code size} bytes.
	 *
	 * @throws StoreException naming {@code uri} when the value is too short to hold the range
	 */
	public long startIn(final long size, final String uri) {
		final long start = isSuffix() ? size - length : offset;
		if (start < 0 || start + length > size)
			throw new StoreException(uri, 0, false, uri + " holds " + size + " bytes: " + this + " lies past its end",
					null);
		return start;
	}

	/**
	 * This range of a whole value.
	 *
	 * @throws StoreException naming {@code uri} when the value is too short to hold the range
	 */
	public byte[] slice(final byte[] value, final String uri) {
		final int start = (int) startIn(value.length, uri);
		return Arrays.copyOfRange(value, start, start + length);
	}

	@Override
	public String toString() {
		return isSuffix() ? "the last " + length + " bytes" : "bytes " + offset + "-" + (offset + length - 1);
	}
}
