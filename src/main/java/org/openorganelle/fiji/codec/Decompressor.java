package org.openorganelle.fiji.codec;

/**
 * Decodes one compressed Zarr chunk. Instances may keep scratch state and are
 * <b>not</b> thread-safe: each worker thread gets its own from
 * {@link Compressor#newDecompressor()}.
 */
public interface Decompressor {

	/**
	 * Decodes {@code src[srcOff, srcOff+srcLen)} into exactly {@code dstLen} bytes at
	 * {@code dst[dstOff]}.
	 *
	 * @throws CodecException when the input is corrupt or truncated, or does not decode
	 *         to exactly {@code dstLen} bytes
	 */
	void decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen);
}
