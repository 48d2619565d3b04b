package org.openorganelle.fiji.zarr3;

import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.CRC32C;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkDecoder;
import org.openorganelle.fiji.array.Transpose;
import org.openorganelle.fiji.codec.CodecException;
import org.openorganelle.fiji.codec.Decompressor;

/**
 * Decodes one v3 chunk: the bytes-to-bytes codecs undone last to first ({@code crc32c}
 * verified and removed, compressors decompressed to the size the codec before them made),
 * then the {@code bytes} codec's elements copied into C order (undoing {@code transpose})
 * and little-endian order.
 */
final class V3ChunkDecoder implements ChunkDecoder {

	private final int[] chunk;
	private final int[] order;
	private final boolean transposed;
	private final boolean swap;
	private final int size;
	private final int chunkBytes;
	private final List<V3Codecs.Step> steps;
	private final Decompressor[] decompressors;
	private final int[] decodedLength;
	private final byte[][] scratch = new byte[2][];
	private final CRC32C crc = new CRC32C();

	V3ChunkDecoder(final ArrayMetadata metadata, final V3Codecs codecs) {
		this.chunk = metadata.chunks();
		this.transposed = codecs.order() != null;
		this.order = transposed ? codecs.order() : identity(chunk.length);
		this.size = metadata.dataType().size();
		this.swap = size > 1 && codecs.endian() == ByteOrder.BIG_ENDIAN;
		this.chunkBytes = metadata.chunkBytes();
		this.steps = codecs.steps();
		this.decompressors = new Decompressor[steps.size()];
		this.decodedLength = new int[steps.size()];
		int length = chunkBytes;
		for (int i = 0; i < steps.size(); i++) {
			decodedLength[i] = length;
			if (steps.get(i).isChecksum())
				length += 4;
			else
				decompressors[i] = steps.get(i).compressor.newDecompressor();
		}
	}

	@Override
	public void decode(final byte[] encoded, final byte[] dst) {
		byte[] current = encoded;
		int length = encoded.length;
		for (int i = steps.size() - 1; i >= 0; i--) {
			if (steps.get(i).isChecksum()) {
				if (length < 4)
					throw new CodecException("crc32c: " + length + " bytes cannot hold a checksum");
				crc.reset();
				crc.update(current, 0, length - 4);
				final int stored = current[length - 4] & 0xff | (current[length - 3] & 0xff) << 8
						| (current[length - 2] & 0xff) << 16 | (current[length - 1] & 0xff) << 24;
				if ((int) crc.getValue() != stored)
					throw new CodecException("crc32c: checksum mismatch (stored " + Integer.toHexString(stored)
							+ ", computed " + Long.toHexString(crc.getValue()) + ")");
				length -= 4;
				continue;
			}
			final byte[] target = buffer(i % 2, decodedLength[i]);
			decompressors[i].decompress(current, 0, length, target, 0, decodedLength[i]);
			current = target;
			length = decodedLength[i];
		}
		if (length != chunkBytes)
			throw new CodecException("the chunk holds " + length + " bytes after decoding, not " + chunkBytes);
		if (!transposed && !swap) {
			System.arraycopy(current, 0, dst, 0, chunkBytes);
			return;
		}
		Transpose.toC(current, dst, chunk, order, size, swap);
	}

	private static int[] identity(final int rank) {
		final int[] order = new int[rank];
		for (int i = 0; i < rank; i++)
			order[i] = i;
		return order;
	}

	private byte[] buffer(final int which, final int length) {
		if (scratch[which] == null || scratch[which].length < length)
			scratch[which] = new byte[length];
		return scratch[which];
	}
}
