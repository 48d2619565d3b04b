package org.openorganelle.fiji.zarr3;

import java.nio.ByteOrder;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkDecoder;
import org.openorganelle.fiji.array.ChunkLayout;

/** Unsharded Zarr v3 chunks: keys by the chunk key encoding, decoded by the codec chain ({@link V3ChunkDecoder}). */
final class ZarrV3Layout implements ChunkLayout {

	private final ChunkKeys keys;
	private final V3Codecs codecs;

	ZarrV3Layout(final ChunkKeys keys, final V3Codecs codecs) {
		this.keys = keys;
		this.codecs = codecs;
	}

	@Override
	public String formatName() {
		return "Zarr v3";
	}

	@Override
	public ByteOrder storedByteOrder(final ArrayMetadata metadata) {
		return codecs.endian();
	}

	@Override
	public String chunkName(final long[] gridPosition) {
		return keys.name(gridPosition);
	}

	@Override
	public ChunkDecoder newDecoder(final ArrayMetadata metadata) {
		return new V3ChunkDecoder(metadata, codecs);
	}
}
