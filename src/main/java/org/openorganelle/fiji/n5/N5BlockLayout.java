package org.openorganelle.fiji.n5;

import java.nio.ByteOrder;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkDecoder;
import org.openorganelle.fiji.array.ChunkLayout;

/**
 * N5 blocks: keys {@code x/y/z} (the reverse of the C-order grid position), each block a
 * big-endian header (mode, number of dimensions, the block's own size per dimension) and
 * the compressed big-endian elements, x fastest. See {@link N5BlockDecoder}.
 */
final class N5BlockLayout implements ChunkLayout {

	static final N5BlockLayout INSTANCE = new N5BlockLayout();

	private N5BlockLayout() {
	}

	@Override
	public String formatName() {
		return "N5";
	}

	@Override
	public ByteOrder storedByteOrder(final ArrayMetadata metadata) {
		return ByteOrder.BIG_ENDIAN;
	}

	@Override
	public String chunkName(final long[] gridPosition) {
		final StringBuilder name = new StringBuilder();
		for (int d = gridPosition.length - 1; d >= 0; d--) {
			name.append(gridPosition[d]);
			if (d > 0)
				name.append('/');
		}
		return name.toString();
	}

	@Override
	public ChunkDecoder newDecoder(final ArrayMetadata metadata) {
		return new N5BlockDecoder(metadata);
	}
}
