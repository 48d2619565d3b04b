package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;

/** Which levels make a multiresolution source, on the nacc-2 EM pyramid of the bucket miniature. */
class PyramidTest {

	private static List<ScaleLevel> naccLevels() {
		return Container.open(new FileStore(Fixtures.bucket().resolve(Expected.NACC))).image(Expected.FIBSEM)
				.levels();
	}

	/** The level with its transform replaced. */
	private static ScaleLevel withTransform(final ScaleLevel level, final double[] scale, final double[] translation) {
		return new ScaleLevel(level.name(), level.array(), new LevelTransform(level.path(), scale, translation));
	}

	@Test
	void cosemHalfVoxelOffsetsMakeAPyramidSortedFinestFirst() {
		final List<ScaleLevel> shuffled = new ArrayList<>(naccLevels());
		Collections.reverse(shuffled);
		final Pyramid pyramid = Pyramid.of(shuffled).orElseThrow();
		assertEquals(List.of("s0", "s1", "s2", "s3"), pyramid.levels().stream().map(ScaleLevel::name).collect(
				Collectors.toList()));
		final double[][] factors = pyramid.downsamplingXyz();
		for (int i = 0; i < 4; i++)
			assertArrayEquals(new double[] { 1 << i, 1 << i, 1 << i }, factors[i], 1e-9, "s" + i);
	}

	@Test
	void anotherGeometryOrTooFewLevelsIsNoPyramid() {
		final List<ScaleLevel> levels = new ArrayList<>(naccLevels());
		assertEquals(Optional.empty(), Pyramid.of(levels.subList(2, 3)), "one level");

		final List<ScaleLevel> shifted = new ArrayList<>(levels);
		shifted.set(2, withTransform(levels.get(2), new double[] { 11.84, 16, 16 }, new double[] { 4.44, 6, 7 }));
		assertEquals(Optional.empty(), Pyramid.of(shifted), "s2 one nm off the half-voxel offset along x");

		final List<ScaleLevel> upsampled = new ArrayList<>(levels);
		upsampled.set(1, withTransform(levels.get(1), new double[] { 5.92, 2, 8 }, new double[] { 1.48, -1, 2 }));
		assertEquals(Optional.empty(), Pyramid.of(upsampled), "a level finer than s0 along y");

		final List<ScaleLevel> bare = new ArrayList<>(levels);
		bare.set(3, new ScaleLevel("s3", levels.get(3).array(), null));
		assertEquals(Optional.empty(), Pyramid.of(bare), "a level without transform");
		assertTrue(Pyramid.of(levels).isPresent());
	}
}
