package org.openorganelle.fiji.codec;

/**
 * Decodes one Zstandard frame into a destination of known size: natively through zstd-jni
 * ({@link NativeZstdFrames}) where its library loads, else in pure Java through aircompressor
 * ({@link PureJavaZstdFrames}); both give the same bytes and verify the frame's content
 * checksum when the writer stored one ({@link ZstdDecoders} chooses). Instances are not
 * thread-safe.
 */
interface ZstdFrames {

	/**
	 * Decodes {@code src[srcOff, srcOff+srcLen)} into at most {@code dstLen} bytes at
	 * {@code dst[dstOff]}.
	 *
	 * @return the number of bytes decoded
	 * @throws CodecException when the frame is corrupt or truncated, or decodes to more than
	 *         {@code dstLen} bytes
	 */
	int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen);
}
