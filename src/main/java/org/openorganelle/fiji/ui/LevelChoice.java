package org.openorganelle.fiji.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * Which level to select when another dataset or array is chosen: the level of the same
 * name when the new array has it (the user's choice is kept), otherwise the finest level
 * whose whole size is within the size limit, otherwise the smallest level — never silently
 * a full-resolution level above the limit. Selecting a level never bypasses the limit: the
 * export checks it again.
 */
final class LevelChoice {

	private LevelChoice() {
	}

	/**
	 * @param levels the new array's levels, finest first
	 * @param previous the name of the level chosen before, or null
	 * @param limitBytes the size limit
	 * @return the level to select; empty when there are no levels
	 */
	static Optional<ScaleLevel> choose(final List<ScaleLevel> levels, final String previous, final long limitBytes) {
		if (levels.isEmpty())
			return Optional.empty();
		final Optional<ScaleLevel> same = levels.stream().filter(l -> l.name().equals(previous)).findFirst();
		if (same.isPresent())
			return same;
		final Optional<ScaleLevel> fits = levels.stream().filter(l -> l.uncompressedBytes() <= limitBytes)
				.max(Comparator.comparingLong(ScaleLevel::uncompressedBytes));
		return fits.isPresent() ? fits : levels.stream().min(Comparator.comparingLong(ScaleLevel::uncompressedBytes));
	}
}
