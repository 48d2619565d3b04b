package org.openorganelle.fiji.multiscale;

import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.HumanReadable;

/**
 * How a level is described to people, one text per column: shape, dtype, chunks, shards
 * ({@link #UNSHARDED} when each chunk is an object of its own), codec, voxel size and
 * offset in nm (axis order z, y, x; "unknown" without metadata) and the uncompressed size. The command line's {@code info} table and the browser's level table
 * show the same texts.
 */
public final class LevelColumns {

	/** What a metadata-less voxel size or offset shows. */
	public static final String UNKNOWN = "unknown";

	/** What the shards column shows for an unsharded array. */
	public static final String UNSHARDED = "-";

	private LevelColumns() {
	}

	/** The level's cells: name, shape, dtype, chunks, shards, codec, voxel size nm, offset nm, size. */
	public static List<String> cells(final ScaleLevel level) {
		final Optional<LevelTransform> t = level.transform();
		return List.of(level.name(), HumanReadable.shape(level.shape()), level.dataType().numpyName(),
				HumanReadable.shape(level.metadata().chunks()), level.array().layout().shardShape().map(
						HumanReadable::shape).orElse(UNSHARDED), level.metadata().compressor().describe(),
				t.map(x -> HumanReadable.lengths(x.scaleNm())).orElse(UNKNOWN),
				t.map(x -> HumanReadable.lengths(x.translationNm())).orElse(UNKNOWN),
				HumanReadable.bytes(level.uncompressedBytes()));
	}
}
