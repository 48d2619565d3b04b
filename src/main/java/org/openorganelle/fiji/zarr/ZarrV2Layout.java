package org.openorganelle.fiji.zarr;

import java.nio.ByteOrder;
import java.util.List;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkDecoder;
import org.openorganelle.fiji.array.ChunkLayout;
import org.openorganelle.fiji.array.Transpose;
import org.openorganelle.fiji.codec.CodecException;
import org.openorganelle.fiji.codec.Decompressor;

/**
 * Zarr v2 chunks: keys {@code 0.1.2} or {@code 0/1/2}, full-size edge chunks, C or
 * Fortran memory order, the array's own byte order, one compressor and no filters.
 */
final class ZarrV2Layout implements ChunkLayout {

	private final String separator;
	private final boolean fortranOrder;
	private final List<String> filters;

	ZarrV2Layout(final String separator, final boolean fortranOrder, final List<String> filters) {
		this.separator = separator;
		this.fortranOrder = fortranOrder;
		this.filters = filters;
	}

	@Override
	public String formatName() {
		return "Zarr v2";
	}

	@Override
	public ByteOrder storedByteOrder(final ArrayMetadata metadata) {
		return metadata.dataType().order();
	}

	@Override
	public String chunkName(final long[] gridPosition) {
		final StringBuilder name = new StringBuilder();
		for (int d = 0; d < gridPosition.length; d++) {
			if (d > 0)
				name.append(separator);
			name.append(gridPosition[d]);
		}
		return name.toString();
	}

	@Override
	public ChunkDecoder newDecoder(final ArrayMetadata metadata) {
		if (!filters.isEmpty())
			throw new CodecException("filters " + filters + " are not supported; only arrays without filters can be read");
		final Decompressor decompressor = metadata.compressor().newDecompressor();
		final int length = metadata.chunkBytes();
		if (!fortranOrder)
			return (encoded, dst) -> decompressor.decompress(encoded, 0, encoded.length, dst, 0, length);
		final byte[] scratch = new byte[length];
		return (encoded, dst) -> {
			decompressor.decompress(encoded, 0, encoded.length, scratch, 0, length);
			Transpose.fortranToC(scratch, dst, metadata.chunks(), metadata.dataType().size());
		};
	}
}
