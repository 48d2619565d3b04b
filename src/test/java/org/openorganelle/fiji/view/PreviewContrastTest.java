package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.FaultyStore;

import ij.ImagePlus;
import ij.process.ImageProcessor;
import ij.process.LUT;

/**
 * The virtual hyperstack gets its display range from the data (the coarsest level's
 * percentiles, computed here from zarr-python's npy) and reads a plane's chunks in parallel.
 */
class PreviewContrastTest {

	private static List<ScaleLevel> levels(final String image) {
		return Container.open(new FileStore(Fixtures.bucket().resolve(Expected.NACC))).image(image).levels();
	}

	@Test
	void int16EmShowsTheCoarsestLevelsRangeNotTheTypes() throws Exception {
		final List<ScaleLevel> levels = levels(Expected.FIBSEM);
		final ScaleLevel s1 = levels.stream().filter(l -> l.path().endsWith("s1")).findFirst().get();
		final Optional<ImagePlus> preview = Preview.open(levels, s1, "s1", new BigDataViewerSeam());
		final ImagePlus imp = preview.get();
		final double[] range = Percentiles.of(Expected.nacc("s3"));
		assertTrue(range[0] < 0 && range[1] > 0, "the fixture is signed EM-like data");
		assertEquals(range[0] + 32768, imp.getDisplayRangeMin(), 1e-9, "pixel values are shifted by 32768");
		assertEquals(range[1] + 32768, imp.getDisplayRangeMax(), 1e-9);
		assertEquals(range[0], imp.getCalibration().getCValue(imp.getDisplayRangeMin()), 1e-9,
				"the calibrated display shows the stored values");
	}

	@Test
	void labelsGetALabelLookUpTableOverTheirIds() throws Exception {
		final List<ScaleLevel> levels = levels("recon-2/labels/inference/segmentations/nuc");
		final ImagePlus imp = Preview.open(levels, levels.get(0), "nuc", new BigDataViewerSeam()).get();
		final double[] range = Percentiles.of(Expected.read(Fixtures.bucketExpected().resolve(Expected.NACC).resolve(
				"recon-2/labels/inference/segmentations/nuc/s2.npy")));
		assertTrue(range[1] > 0, "the coarsest level has labels");
		assertEquals(0, imp.getDisplayRangeMin());
		assertEquals(range[1], imp.getDisplayRangeMax(), 1e-9);
		final LUT lut = imp.getProcessor().getLut();
		assertEquals(0, lut.getRGB(0) & 0xffffff, "background black");
		for (int i = 1; i < 256; i++)
			assertEquals(LabelColors.argb(i) & 0xffffff, lut.getRGB(i) & 0xffffff, "entry " + i);
		assertTrue(lut.getRGB(1) != lut.getRGB(2), "neighbouring ids differ");
	}

	/** bool masks are shown black for false, white for true, whatever their proportions. */
	@Test
	void boolIsShownFromZeroToOne() {
		for (final String name : new String[] { "bool__none", "bool__blosc_fill_true" }) {
			final LevelImage<?> image = LevelImage.open(LevelImageTest.dtypeArray(name), ChunkCache.DEFAULT_MAX_BYTES);
			final ImagePlus imp = LevelHyperstack.open(image, Optional.empty(), name);
			LevelHyperstack.setDisplayRange(imp, image, RangeSample.of(image.array()));
			assertEquals(0, imp.getDisplayRangeMin(), name);
			assertEquals(1, imp.getDisplayRangeMax(), name);
		}
	}

	/** Plane z = 20 of s0 touches 3 x 3 chunks, each request taking 100 ms. */
	@Test
	void aPlanesChunksAreReadInParallelAndEqualZarrPythons() throws Exception {
		final FaultyStore[] slow = new FaultyStore[1];
		final ScaleLevel s0 = Expected.naccLevel(store -> slow[0] = FaultyStore.slow(store, FaultyStore.CHUNKS, 100), "s0");
		final LevelStack stack = new LevelStack(LevelImage.open(s0));
		final ImageProcessor plane = stack.getProcessor(21);
		assertTrue(slow[0].maxInFlight() > 1, slow[0].maxInFlight() + " requests at once");
		assertTrue(slow[0].maxInFlight() <= LevelStack.READ_THREADS);
		final Expected expected = Expected.nacc("s0");
		for (int y = 0; y < 75; y++)
			for (int x = 0; x < 83; x++)
				assertEquals(expected.bits((20 * 75 + y) * 83 + x), plane.get(x, y) - 32768, "x=" + x + " y=" + y);
	}
}
