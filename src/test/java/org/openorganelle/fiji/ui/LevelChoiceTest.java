package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.discovery.Container;

/** {@link LevelChoice} on the levels of nacc-2's EM (s0 510 kB, s1 60.7 kB, s2 7.2 kB, s3 900 B). */
class LevelChoiceTest {

	private static List<ScaleLevel> levels() {
		try (StoreFactory stores = new StoreFactory()) {
			return Container.open(PublicBucket.open(stores, "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr")).image(
					"recon-2/em/fibsem-int16").levels();
		}
	}

	private static String choose(final List<ScaleLevel> levels, final String previous, final long limit) {
		return LevelChoice.choose(levels, previous, limit).map(ScaleLevel::name).orElse("none");
	}

	@Test
	void keepsTheNameElseTakesTheFinestLevelWithinTheLimitElseTheSmallest() {
		final List<ScaleLevel> levels = levels();
		assertEquals("s2", choose(levels, "s2", 100));
		assertEquals("s0", choose(levels, "s7", 4L << 30));
		assertEquals("s1", choose(levels, "s7", 100_000));
		assertEquals("s1", choose(levels, null, 60_680));
		assertEquals("s2", choose(levels, null, 60_679));
		assertEquals("s3", choose(levels, null, 10), "nothing fits: the smallest, which the export still refuses");
		assertEquals(Optional.empty(), LevelChoice.choose(List.of(), "s0", 1));
	}
}
