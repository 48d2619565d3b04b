package org.openorganelle.fiji.multiscale;

import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.HumanReadable;

/**
 * How a level is described to people, one text per column: shape, dtype, chunks, codec,
 * voxel size and offset in nm (axis order z, y, x; "unknown" without metadata) and the
 * uncompressed size. The command line's {@code info} table and the browser's level table
 * show the same texts.
 */
public final class LevelColumns {

	/** What a metadata-less voxel size or offset shows. */
	public static final String UNKNOWN = "unknown";

	private LevelColumns() {
	}

	/** The level's cells: name, shape, dtype, chunks, codec, voxel size nm, offset nm, size. */
	public static List<String> cells(final ScaleLevel level) {
		final Optional<LevelTransform> t = level.transform();
		return List.of(level.name(), HumanReadable.shape(level.shape()), level.dataType().numpyName(),
				HumanReadable.shape(level.metadata().chunks()), level.metadata().compressor().describe(),
				t.map(x -> HumanReadable.lengths(x.scaleNm())).orElse(UNKNOWN),
				t.map(x -> HumanReadable.lengths(x.translationNm())).orElse(UNKNOWN),
				HumanReadable.bytes(level.uncompressedBytes()));
	}
}
