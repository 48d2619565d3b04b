package org.openorganelle.fiji.codec;

import java.util.Arrays;

/**
 * Chooses the Zstandard decoder once per JVM: native libzstd through zstd-jni when its
 * library loads and decodes a probe frame correctly, else aircompressor's pure-Java decoder
 * — automatically, with the same bytes and no error (an unusual platform, a temporary
 * directory the native library cannot be unpacked into, zstd-jni absent from the class
 * path). The system property {@value #PURE_JAVA_PROPERTY}{@code =true} forces pure Java.
 */
public final class ZstdDecoders {

	/** Set to {@code true} to decode zstd in pure Java even where the native library loads. */
	public static final String PURE_JAVA_PROPERTY = "openorganelle.zstd.pure-java";

	/** The bytes 0…63, decoded from {@link #probeFrame()} once to probe the native decoder. */
	private static final int PROBE_SIZE = 64;

	private ZstdDecoders() {
	}

	/** Why the native decoder is not used, or null when it is (decided on first use). */
	private static final class Choice {
		static final String NOT_NATIVE = notNative();
	}

	/** A new decoder of the chosen kind. */
	static ZstdFrames create() {
		return Choice.NOT_NATIVE == null ? new NativeZstdFrames() : new PureJavaZstdFrames();
	}

	/** Whether zstd is decoded natively in this JVM. */
	public static boolean isNative() {
		return Choice.NOT_NATIVE == null;
	}

	/** Which decoder runs, and why, e.g. for a {@code --verbose} note. */
	public static String description() {
		return isNative() ? "zstd decoded by native libzstd (zstd-jni)"
				: "zstd decoded in pure Java (aircompressor): " + Choice.NOT_NATIVE;
	}

	private static String notNative() {
		if (Boolean.getBoolean(PURE_JAVA_PROPERTY))
			return PURE_JAVA_PROPERTY + "=true";
		try {
			final byte[] frame = probeFrame();
			final byte[] decoded = new byte[PROBE_SIZE];
			final int n = new NativeZstdFrames().decode(frame, 0, frame.length, decoded, 0, decoded.length);
			return n == decoded.length && Arrays.equals(decoded, probeBytes()) ? null
					: "the native decoder decoded a probe frame wrongly";
		} catch (final NoClassDefFoundError e) {
			return "zstd-jni is not on the class path";
		} catch (final LinkageError | RuntimeException e) {
			return "zstd-jni's native library does not load here (" + e + ")";
		}
	}

	private static byte[] probeBytes() {
		final byte[] bytes = new byte[PROBE_SIZE];
		for (int i = 0; i < bytes.length; i++)
			bytes[i] = (byte) i;
		return bytes;
	}

	/**
	 * The frame libzstd writes for {@link #probeBytes()} (as numcodecs' {@code Zstd(level=1)} does):
	 * magic number, a frame header with a one-byte content size, then one last, raw block.
	 */
	private static byte[] probeFrame() {
		final byte[] header = { 0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x20, PROBE_SIZE, (PROBE_SIZE << 3 | 1) & 0xFF,
				PROBE_SIZE >> 5, 0 };
		final byte[] frame = Arrays.copyOf(header, header.length + PROBE_SIZE);
		System.arraycopy(probeBytes(), 0, frame, header.length, PROBE_SIZE);
		return frame;
	}
}
