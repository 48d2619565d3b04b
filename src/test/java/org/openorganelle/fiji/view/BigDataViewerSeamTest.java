package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.swing.SwingUtilities;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.CountingStore;
import org.openorganelle.fiji.testing.FaultyStore;
import org.openorganelle.fiji.testing.Fixtures;

import ij.ImagePlus;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.volatiles.VolatileARGBType;
import net.imglib2.type.volatiles.VolatileShortType;
import net.imglib2.view.Views;

/**
 * The BigDataViewer seam. BigDataViewer is not on the test class path, so the tests that
 * need it compile stand-ins for its classes ({@code bdv.util.BdvFunctions}, which records
 * what it is asked to show, {@code bdv.util.BdvOptions} and, in one test, imglib2-realtransform's
 * {@code AffineTransform3D}) with the real method signatures, and load them in a child class
 * loader. Everything else is the real code.
 */
class BigDataViewerSeamTest {

	private static final String NUC = "recon-2/labels/inference/segmentations/nuc";

	private static final String FUNCTIONS_WITH_OPTIONS = String.join("\n", "package bdv.util;",
			"import net.imglib2.RandomAccessibleInterval;",
			"public final class BdvFunctions {",
			"  public static final java.util.List<Object[]> CALLS = new java.util.ArrayList<>();",
			"  public static <T> Object show(final RandomAccessibleInterval<T> img, final String name) {",
			"    CALLS.add(new Object[] { img, name, null });",
			"    return null;",
			"  }",
			"  public static <T> Object show(final RandomAccessibleInterval<T> img, final String name,",
			"      final BdvOptions options) {",
			"    CALLS.add(new Object[] { img, name, options });",
			"    return null;",
			"  }",
			"}");

	private static final String OPTIONS = String.join("\n", "package bdv.util;",
			"public class BdvOptions {",
			"  public double[] calibration;",
			"  public String frameTitle;",
			"  public static BdvOptions options() { return new BdvOptions(); }",
			"  public BdvOptions sourceTransform(final double... calibration) {",
			"    this.calibration = calibration;",
			"    return this;",
			"  }",
			"  public BdvOptions frameTitle(final String title) {",
			"    this.frameTitle = title;",
			"    return this;",
			"  }",
			"}");

	private static final String OPTIONS_WITH_AFFINE = String.join("\n", "package bdv.util;",
			"import net.imglib2.realtransform.AffineTransform3D;",
			"public class BdvOptions {",
			"  public double[] calibration;",
			"  public AffineTransform3D transform;",
			"  public static BdvOptions options() { return new BdvOptions(); }",
			"  public BdvOptions sourceTransform(final AffineTransform3D transform) {",
			"    this.transform = transform;",
			"    return this;",
			"  }",
			"  public BdvOptions sourceTransform(final double... calibration) {",
			"    this.calibration = calibration;",
			"    return this;",
			"  }",
			"}");

	/** Stand-in for imglib2-realtransform's class (not on Maven Central's imglib2 core). */
	private static final String AFFINE = String.join("\n", "package net.imglib2.realtransform;",
			"public class AffineTransform3D {",
			"  public double[] values;",
			"  public void set(final double... values) { this.values = values.clone(); }",
			"}");

	private static final String FUNCTIONS_ONLY = String.join("\n", "package bdv.util;",
			"import net.imglib2.RandomAccessibleInterval;",
			"public final class BdvFunctions {",
			"  public static final java.util.List<Object[]> CALLS = new java.util.ArrayList<>();",
			"  public static <T> Object show(final RandomAccessibleInterval<T> img, final String name) {",
			"    CALLS.add(new Object[] { img, name });",
			"    return null;",
			"  }",
			"}");

	private static final String FUNCTIONS_FAILING = String.join("\n", "package bdv.util;",
			"import net.imglib2.RandomAccessibleInterval;",
			"public final class BdvFunctions {",
			"  public static <T> Object show(final RandomAccessibleInterval<T> img, final String name) {",
			"    throw new IllegalStateException(\"no display\");",
			"  }",
			"}");

	/** BigDataViewer with its multiresolution API: show(Source, BdvOptions) records the source. */
	private static final Map<String, String> MULTIRESOLUTION = Map.of(
			"bdv/viewer/Source", String.join("\n", "package bdv.viewer;",
					"public interface Source<T> {",
					"}"),
			"mpicbg/spim/data/sequence/VoxelDimensions", String.join("\n", "package mpicbg.spim.data.sequence;",
					"public interface VoxelDimensions {",
					"  String unit();",
					"}"),
			"mpicbg/spim/data/sequence/FinalVoxelDimensions", String.join("\n", "package mpicbg.spim.data.sequence;",
					"public class FinalVoxelDimensions implements VoxelDimensions {",
					"  public final String unit;",
					"  public final double[] size;",
					"  public FinalVoxelDimensions(final String unit, final double... size) {",
					"    this.unit = unit;",
					"    this.size = size;",
					"  }",
					"  public String unit() { return unit; }",
					"}"),
			"bdv/util/RandomAccessibleIntervalMipmapSource", String.join("\n", "package bdv.util;",
					"import mpicbg.spim.data.sequence.VoxelDimensions;",
					"import net.imglib2.RandomAccessibleInterval;",
					"import net.imglib2.realtransform.AffineTransform3D;",
					"import net.imglib2.type.numeric.NumericType;",
					"public class RandomAccessibleIntervalMipmapSource<T extends NumericType<T>>",
					"    implements bdv.viewer.Source<T> {",
					"  public final RandomAccessibleInterval<T>[] imgs;",
					"  public final T type;",
					"  public final double[][] mipmapScales;",
					"  public final VoxelDimensions voxelDimensions;",
					"  public final AffineTransform3D sourceTransform;",
					"  public final String name;",
					"  public RandomAccessibleIntervalMipmapSource(final RandomAccessibleInterval<T>[] imgs, final T type,",
					"      final double[][] mipmapScales, final VoxelDimensions voxelDimensions,",
					"      final AffineTransform3D sourceTransform, final String name) {",
					"    this.imgs = imgs;",
					"    this.type = type;",
					"    this.mipmapScales = mipmapScales;",
					"    this.voxelDimensions = voxelDimensions;",
					"    this.sourceTransform = sourceTransform;",
					"    this.name = name;",
					"  }",
					"}"),
			"bdv/util/BdvFunctions", String.join("\n", "package bdv.util;",
					"import net.imglib2.RandomAccessibleInterval;",
					"public final class BdvFunctions {",
					"  public static final java.util.List<Object[]> CALLS = new java.util.ArrayList<>();",
					"  public static <T> BdvStackSource<T> show(final bdv.viewer.Source<T> source,",
					"      final BdvOptions options) {",
					"    final BdvStackSource<T> shown = new BdvStackSource<>();",
					"    CALLS.add(new Object[] { source, options, shown });",
					"    return shown;",
					"  }",
					"  public static <T> Object show(final RandomAccessibleInterval<T> img, final String name,",
					"      final BdvOptions options) {",
					"    CALLS.add(new Object[] { img, name, options });",
					"    return null;",
					"  }",
					"}"),
			"bdv/util/BdvStackSource", String.join("\n", "package bdv.util;",
					"public class BdvStackSource<T> {",
					"  /** Each call: method name, min, max, whether on the event thread. */",
					"  public final java.util.List<Object[]> calls = new java.util.concurrent.CopyOnWriteArrayList<>();",
					"  public void setDisplayRange(final double min, final double max) {",
					"    calls.add(new Object[] { \"setDisplayRange\", min, max, java.awt.EventQueue.isDispatchThread() });",
					"  }",
					"  public void setDisplayRangeBounds(final double min, final double max) {",
					"    calls.add(new Object[] { \"setDisplayRangeBounds\", min, max,",
					"        java.awt.EventQueue.isDispatchThread() });",
					"  }",
					"}"),
			"bdv/util/BdvOptions", OPTIONS,
			"net/imglib2/realtransform/AffineTransform3D", AFFINE);

	@TempDir
	Path temp;

	@Test
	void withoutBigDataViewerTheSeamReportsUnavailableAndPreviewFallsBack() {
		assertThrows(ClassNotFoundException.class, () -> Class.forName(BigDataViewerSeam.FUNCTIONS));
		final BigDataViewerSeam seam = new BigDataViewerSeam();
		assertFalse(seam.isAvailable());
		final ScaleLevel level = Expected.naccLevel(s -> s, "s3");
		assertFalse(seam.display(LevelImage.open(level).img(), "s3", new double[] { 1, 1, 1 }, new double[3])
				.isPresent());

		final Optional<ImagePlus> preview = Preview.open(level, "jrc_mus-nacc-2 recon-2/em/fibsem-int16 s3", seam);
		assertTrue(preview.isPresent(), "falls back to the hyperstack");
		assertEquals("jrc_mus-nacc-2 recon-2/em/fibsem-int16 s3", preview.get().getTitle());
		assertEquals(5, preview.get().getNSlices());
		assertTrue(preview.get().getStack().isVirtual());
	}

	@Test
	void headlessPreviewReturnsTheHyperstack() {
		final Optional<ImagePlus> preview = Preview.open(Expected.naccLevel(s -> s, "s2"), "s2");
		assertTrue(preview.isPresent());
		assertEquals(16.0, preview.get().getCalibration().pixelWidth, 1e-12);
	}

	@Test
	void theSeamPassesImageNameAndVoxelSizeToBdvFunctions() throws Exception {
		try (URLClassLoader bdv = fakeBigDataViewer(Map.of("bdv/util/BdvFunctions", FUNCTIONS_WITH_OPTIONS,
				"bdv/util/BdvOptions", OPTIONS))) {
			final BigDataViewerSeam seam = new BigDataViewerSeam(bdv);
			assertTrue(seam.isAvailable());
			final ScaleLevel level = Expected.naccLevel(s -> s, "s2");
			final String title = "jrc_mus-nacc-2 recon-2/em/fibsem-int16 s2";

			assertEquals(Optional.empty(), Preview.open(level, title, seam), "shown in BigDataViewer");

			final List<Object[]> calls = calls(bdv);
			assertEquals(1, calls.size());
			final Object[] call = calls.get(0);
			final LazyCellImg<?, ?> img = assertInstanceOf(LazyCellImg.class, call[0]);
			assertArrayEquals(new long[] { 20, 18, 10 }, img.dimensionsAsLongArray(), "x, y, z");
			assertEquals(title, call[1]);
			final Class<?> options = bdv.loadClass("bdv.util.BdvOptions");
			assertSame(options, call[2].getClass());
			assertArrayEquals(new double[] { 16, 16, 11.84 }, (double[]) options.getField("calibration").get(
					call[2]), 1e-9, "voxel size x, y, z in nm");
			assertEquals(title, options.getField("frameTitle").get(call[2]));
		}
	}

	@Test
	void withAffineTransform3DTheSourceTransformCarriesScaleAndTranslation() throws Exception {
		assertThrows(ClassNotFoundException.class, () -> Class.forName(BigDataViewerSeam.AFFINE));
		try (URLClassLoader bdv = fakeBigDataViewer(Map.of("bdv/util/BdvFunctions", FUNCTIONS_WITH_OPTIONS,
				"bdv/util/BdvOptions", OPTIONS_WITH_AFFINE, "net/imglib2/realtransform/AffineTransform3D", AFFINE))) {
			final String title = "jrc_mus-nacc-2 recon-2/em/fibsem-int16 s2";
			assertEquals(Optional.empty(), Preview.open(Expected.naccLevel(s -> s, "s2"), title,
					new BigDataViewerSeam(bdv)));
			final Object options = calls(bdv).get(0)[2];
			final Object transform = options.getClass().getField("transform").get(options);
			assertArrayEquals(new double[] {
					16, 0, 0, 6,
					0, 16, 0, 6,
					0, 0, 11.84, 4.44 }, (double[]) transform.getClass().getField("values").get(transform), 1e-9,
					"voxel i lies at translation + i * voxel size (nm)");
			assertNull(options.getClass().getField("calibration").get(options));
		}
	}

	@Test
	void anN5LevelReachesBigDataViewerInXyzWithItsVoxelSizeAndHalfVoxelOffset() throws Exception {
		final ScaleLevel level = Container.open(new FileStore(Fixtures.bucket().resolve("jrc_hela-2/jrc_hela-2.n5")))
				.image("em/fibsem-uint16").level("s1");
		try (URLClassLoader bdv = fakeBigDataViewer(Map.of("bdv/util/BdvFunctions", FUNCTIONS_WITH_OPTIONS,
				"bdv/util/BdvOptions", OPTIONS_WITH_AFFINE, "net/imglib2/realtransform/AffineTransform3D", AFFINE))) {
			assertEquals(Optional.empty(), Preview.open(level, "jrc_hela-2 em/fibsem-uint16 s1",
					new BigDataViewerSeam(bdv)));
			final Object[] call = calls(bdv).get(0);
			final LazyCellImg<?, ?> img = assertInstanceOf(LazyCellImg.class, call[0]);
			assertArrayEquals(new long[] { 48, 33, 25 }, img.dimensionsAsLongArray(), "x, y, z");
			final Object transform = call[2].getClass().getField("transform").get(call[2]);
			assertArrayEquals(new double[] {
					8, 0, 0, 2,
					0, 8, 0, 2,
					0, 0, 10.48, 2.62 }, (double[]) transform.getClass().getField("values").get(transform), 1e-9);
		}
		LevelImageTest.assertValues(Expected.read(Fixtures.bucketExpected().resolve(
				"jrc_hela-2/jrc_hela-2.n5/em/fibsem-uint16/s1.npy")), LevelImage.open(level), "hela-2 N5 s1");
	}

	@Test
	void aShardedZarrV3LevelReachesBigDataViewerInXyzWithItsOmeZarr05Geometry() throws Exception {
		final String dataset = "jrc_mosquito-stylet-6/jrc_mosquito-stylet-6.zarr";
		final ScaleLevel level = Container.open(new FileStore(Fixtures.bucket().resolve(dataset))).image(
				"recon-1/em/fibsem-uint8").level("s1");
		try (URLClassLoader bdv = fakeBigDataViewer(Map.of("bdv/util/BdvFunctions", FUNCTIONS_WITH_OPTIONS,
				"bdv/util/BdvOptions", OPTIONS_WITH_AFFINE, "net/imglib2/realtransform/AffineTransform3D", AFFINE))) {
			assertEquals(Optional.empty(), Preview.open(level, "mosquito s1", new BigDataViewerSeam(bdv)));
			final Object[] call = calls(bdv).get(0);
			final LazyCellImg<?, ?> img = assertInstanceOf(LazyCellImg.class, call[0]);
			assertArrayEquals(new long[] { 40, 33, 35 }, img.dimensionsAsLongArray(), "x, y, z");
			final Object transform = call[2].getClass().getField("transform").get(call[2]);
			assertArrayEquals(new double[] {
					8, 0, 0, 2,
					0, 8, 0, 2,
					0, 0, 6.48, 1.62 }, (double[]) transform.getClass().getField("values").get(transform), 1e-9);
		}
		LevelImageTest.assertValues(Expected.read(Fixtures.bucketExpected().resolve(dataset
				+ "/recon-1/em/fibsem-uint8/s1.npy")), LevelImage.open(level), "mosquito s1");
	}

	@Test
	void withoutBdvOptionsTheTwoArgumentShowIsUsed() throws Exception {
		try (URLClassLoader bdv = fakeBigDataViewer(Map.of("bdv/util/BdvFunctions", FUNCTIONS_ONLY))) {
			final BigDataViewerSeam seam = new BigDataViewerSeam(bdv);
			final RandomAccessibleInterval<?> img = LevelImage.open(Expected.naccLevel(s -> s, "s3")).img();
			assertTrue(seam.display(img, "s3", new double[] { 32, 32, 23.68 }, new double[3]).isPresent());
			final List<Object[]> calls = calls(bdv);
			assertEquals(1, calls.size());
			assertSame(img, calls.get(0)[0]);
			assertEquals("s3", calls.get(0)[1]);
			assertEquals(2, calls.get(0).length);
		}
	}

	@Test
	void aFailureInsideBigDataViewerNamesTheImage() throws Exception {
		try (URLClassLoader bdv = fakeBigDataViewer(Map.of("bdv/util/BdvFunctions", FUNCTIONS_FAILING))) {
			final BigDataViewerSeam seam = new BigDataViewerSeam(bdv);
			final RandomAccessibleInterval<?> img = LevelImage.open(Expected.naccLevel(s -> s, "s3")).img();
			final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> seam.display(img,
					"nacc s3", new double[] { 1, 1, 1 }, new double[3]));
			assertTrue(e.getMessage().contains("nacc s3") && e.getMessage().contains("no display"), e
					.getMessage());
			assertInstanceOf(IllegalStateException.class, e.getCause());
		}
	}

	/** Opening reads only the coarsest level (s3: one chunk) for the display range; every level is volatile. */
	@Test
	void allLevelsOpenAsOneVolatileMultiresolutionSourceReadingOnlyTheCoarsestLevel() throws Exception {
		try (URLClassLoader bdv = fakeBigDataViewer(MULTIRESOLUTION)) {
			final CountingStore counting = new CountingStore(new FileStore(Fixtures.bucket().resolve(Expected.NACC)));
			final List<ScaleLevel> levels = new ArrayList<>(Container.open(counting).image(Expected.FIBSEM).levels());
			Collections.reverse(levels);
			final String title = "jrc_mus-nacc-2 recon-2/em/fibsem-int16";
			final int before = counting.gets.size() + counting.lists.size();

			assertEquals(Optional.empty(), Preview.open(levels, levels.get(1), title, new BigDataViewerSeam(bdv)));

			assertEquals(List.of("recon-2/em/fibsem-int16/s3/0/0/0"), counting.chunkGets(),
					"opening reads the coarsest level's one chunk, for the display range");
			assertEquals(before + 1, counting.gets.size() + counting.lists.size(), "and nothing else");
			final List<Object[]> calls = calls(bdv);
			assertEquals(1, calls.size());
			final Object source = calls.get(0)[0];
			assertSame(bdv.loadClass(BigDataViewerSeam.MIPMAP_SOURCE), source.getClass());
			final RandomAccessibleInterval<?>[] imgs = (RandomAccessibleInterval<?>[]) field(source, "imgs");
			assertEquals(4, imgs.length);
			assertArrayEquals(new long[] { 83, 75, 41 }, imgs[0].dimensionsAsLongArray(), "s0 first, x, y, z");
			assertArrayEquals(new long[] { 10, 9, 5 }, imgs[3].dimensionsAsLongArray(), "s3 last");
			assertInstanceOf(VolatileShortType.class, field(source, "type"), "BigDataViewer renders it without waiting");
			for (final RandomAccessibleInterval<?> img : imgs)
				assertInstanceOf(VolatileShortType.class, ((LazyCellImg<?, ?>) img).firstElement().createVariable());
			final double[][] scales = (double[][]) field(source, "mipmapScales");
			for (int i = 0; i < 4; i++)
				assertArrayEquals(new double[] { 1 << i, 1 << i, 1 << i }, scales[i], 1e-9);
			final Object voxels = field(source, "voxelDimensions");
			assertEquals("nm", field(voxels, "unit"));
			assertArrayEquals(new double[] { 4, 4, 2.96 }, (double[]) field(voxels, "size"), 1e-9);
			final Object transform = field(source, "sourceTransform");
			assertArrayEquals(new double[] {
					4, 0, 0, 0,
					0, 4, 0, 0,
					0, 0, 2.96, 0 }, (double[]) field(transform, "values"), 1e-9, "s0: scale, no translation");
			assertEquals(title, field(source, "name"));
			assertEquals(title, field(calls.get(0)[1], "frameTitle"));

			final double[] range = Percentiles.of(Expected.nacc("s3"));
			final double width = range[1] - range[0];
			assertRangeCalls(List.of(new Object[] { "setDisplayRangeBounds", range[0] - width, range[1] + width, false },
					new Object[] { "setDisplayRange", range[0], range[1], false }), calls.get(0)[2]);
		}
	}

	/**
	 * Called on the event thread (as the browser window may), opening returns without waiting
	 * for the display range's read, which then arrives on the event thread.
	 */
	@Test
	void onTheEventThreadOpeningDoesNotWaitAndTheRangeArrivesLater() throws Exception {
		try (URLClassLoader bdv = fakeBigDataViewer(MULTIRESOLUTION)) {
			final BigDataViewerSeam seam = new BigDataViewerSeam(bdv);
			final List<ScaleLevel> warm = Container.open(new FileStore(Fixtures.bucket().resolve(Expected.NACC)))
					.image(Expected.FIBSEM).levels();
			SwingUtilities.invokeAndWait(() -> Preview.open(warm, warm.get(0), "warm-up", seam));
			final FaultyStore slow = FaultyStore.slow(new FileStore(Fixtures.bucket().resolve(Expected.NACC)),
					FaultyStore.CHUNKS, 300);
			final List<ScaleLevel> levels = Container.open(slow).image(Expected.FIBSEM).levels();
			final long[] millis = new long[1];
			SwingUtilities.invokeAndWait(() -> {
				final long start = System.nanoTime();
				assertEquals(Optional.empty(), Preview.open(levels, levels.get(0), "slow", seam));
				millis[0] = (System.nanoTime() - start) / 1_000_000;
			});
			assertTrue(millis[0] < 200, "open took " + millis[0] + " ms on the event thread; a chunk takes 300 ms");
			final Object shown = calls(bdv).get(1)[2];
			final List<Object[]> rangeCalls = rangeCalls(shown);
			VolatileLevelImageTest.waitFor(() -> rangeCalls.size() == 2);
			final double[] range = Percentiles.of(Expected.nacc("s3"));
			final double width = range[1] - range[0];
			assertRangeCalls(List.of(new Object[] { "setDisplayRangeBounds", range[0] - width, range[1] + width, true },
					new Object[] { "setDisplayRange", range[0], range[1], true }), shown);
			assertTrue(slow.threads().stream().noneMatch(t -> t.startsWith("AWT-EventQueue")), slow.threads()
					.toString());
		}
	}

	/** uint64 labels: volatile colours (0 black, each id its hashed colour), no grey display range. */
	@Test
	void labelsAreShownAsVolatileColours() throws Exception {
		try (URLClassLoader bdv = fakeBigDataViewer(MULTIRESOLUTION)) {
			final List<ScaleLevel> levels = Container.open(new FileStore(Fixtures.bucket().resolve(Expected.NACC)))
					.image(NUC).levels();
			assertEquals(Optional.empty(), Preview.open(levels, levels.get(0), "nuc", new BigDataViewerSeam(bdv)));
			final Object[] call = calls(bdv).get(0);
			assertInstanceOf(VolatileARGBType.class, field(call[0], "type"));
			final RandomAccessibleInterval<?>[] imgs = (RandomAccessibleInterval<?>[]) field(call[0], "imgs");
			assertEquals(3, imgs.length);
			@SuppressWarnings("unchecked")
			final RandomAccessibleInterval<VolatileARGBType> s0 = (RandomAccessibleInterval<VolatileARGBType>) imgs[0];
			final Expected expected = Expected.read(Fixtures.bucketExpected().resolve(Expected.NACC).resolve(NUC)
					.resolve("s0.npy"));
			VolatileLevelImageTest.waitFor(() -> Views.flatIterable(s0).stream().allMatch(VolatileARGBType::isValid));
			int i = 0;
			boolean sawLabel = false;
			for (final VolatileARGBType colour : Views.flatIterable(s0)) {
				final long id = expected.bits(i++);
				sawLabel |= id != 0;
				assertEquals(id == 0 ? 0xff000000 : LabelColors.argb(id), colour.get().get(), "id " + id);
			}
			assertTrue(sawLabel);
			assertEquals(List.of(), rangeCalls(call[2]), "colours need no display range");
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Object[]> rangeCalls(final Object stackSource) throws ReflectiveOperationException {
		return (List<Object[]>) field(stackSource, "calls");
	}

	private static void assertRangeCalls(final List<Object[]> expected, final Object stackSource)
			throws ReflectiveOperationException {
		final List<Object[]> actual = rangeCalls(stackSource);
		assertEquals(expected.size(), actual.size());
		for (int i = 0; i < expected.size(); i++) {
			assertEquals(expected.get(i)[0], actual.get(i)[0]);
			assertEquals((double) expected.get(i)[1], (double) actual.get(i)[1], 1e-9, "min of " + actual.get(i)[0]);
			assertEquals((double) expected.get(i)[2], (double) actual.get(i)[2], 1e-9, "max of " + actual.get(i)[0]);
			assertEquals(expected.get(i)[3], actual.get(i)[3], "on the event thread");
		}
	}

	@Test
	void withoutTheMultiresolutionApiTheChosenLevelIsShownAlone() throws Exception {
		try (URLClassLoader bdv = fakeBigDataViewer(Map.of("bdv/util/BdvFunctions", FUNCTIONS_WITH_OPTIONS,
				"bdv/util/BdvOptions", OPTIONS))) {
			final List<ScaleLevel> levels = Container.open(new FileStore(Fixtures.bucket().resolve(Expected.NACC)))
					.image(Expected.FIBSEM).levels();
			assertEquals(Optional.empty(), Preview.open(levels, levels.get(2), "s2", new BigDataViewerSeam(bdv)));
			final List<Object[]> calls = calls(bdv);
			assertEquals(1, calls.size());
			assertArrayEquals(new long[] { 20, 18, 10 }, ((RandomAccessibleInterval<?>) calls.get(0)[0])
					.dimensionsAsLongArray(), "s2 alone");
		}
	}

	private static Object field(final Object owner, final String name) throws ReflectiveOperationException {
		return owner.getClass().getField(name).get(owner);
	}

	@SuppressWarnings("unchecked")
	private static List<Object[]> calls(final ClassLoader bdv) throws ReflectiveOperationException {
		return (List<Object[]>) bdv.loadClass(BigDataViewerSeam.FUNCTIONS).getField("CALLS").get(null);
	}

	/**
	 * Compiles stand-in classes (path without {@code .java} to source) against the real ImgLib2
	 * and loads them in a child class loader.
	 */
	private URLClassLoader fakeBigDataViewer(final Map<String, String> classes) throws IOException,
			URISyntaxException {
		final Path sources = temp.resolve("src");
		final Path out = Files.createDirectories(temp.resolve("classes"));
		final List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-classpath", Paths.get(
				RandomAccessibleInterval.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString()));
		for (final Map.Entry<String, String> c : classes.entrySet()) {
			final Path file = sources.resolve(c.getKey() + ".java");
			Files.createDirectories(file.getParent());
			Files.write(file, c.getValue().getBytes(StandardCharsets.UTF_8));
			arguments.add(file.toString());
		}
		final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		final ByteArrayOutputStream log = new ByteArrayOutputStream();
		final int status = javac.run(null, log, log, arguments.toArray(new String[0]));
		assertEquals(0, status, () -> "compiling the stand-in failed: " + log.toString(StandardCharsets.UTF_8));
		return new URLClassLoader(new URL[] { out.toUri().toURL() }, BigDataViewerSeamTest.class.getClassLoader());
	}
}
