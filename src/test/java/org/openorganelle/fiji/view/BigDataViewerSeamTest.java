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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.multiscale.ScaleLevel;

import ij.ImagePlus;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.cell.LazyCellImg;

/**
 * The BigDataViewer seam. BigDataViewer is not on the test class path, so the tests that
 * need it compile stand-ins for its classes ({@code bdv.util.BdvFunctions}, which records
 * what it is asked to show, {@code bdv.util.BdvOptions} and, in one test, imglib2-realtransform's
 * {@code AffineTransform3D}) with the real method signatures, and load them in a child class
 * loader. Everything else is the real code.
 */
class BigDataViewerSeamTest {

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

	@TempDir
	Path temp;

	@Test
	void withoutBigDataViewerTheSeamReportsUnavailableAndPreviewFallsBack() {
		assertThrows(ClassNotFoundException.class, () -> Class.forName(BigDataViewerSeam.FUNCTIONS));
		final BigDataViewerSeam seam = new BigDataViewerSeam();
		assertFalse(seam.isAvailable());
		final ScaleLevel level = Expected.naccLevel(s -> s, "s3");
		assertFalse(seam.show(LevelImage.open(level).img(), "s3", new double[] { 1, 1, 1 }, new double[3]));

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
	void withoutBdvOptionsTheTwoArgumentShowIsUsed() throws Exception {
		try (URLClassLoader bdv = fakeBigDataViewer(Map.of("bdv/util/BdvFunctions", FUNCTIONS_ONLY))) {
			final BigDataViewerSeam seam = new BigDataViewerSeam(bdv);
			final RandomAccessibleInterval<?> img = LevelImage.open(Expected.naccLevel(s -> s, "s3")).img();
			assertTrue(seam.show(img, "s3", new double[] { 32, 32, 23.68 }, new double[3]));
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
			final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> seam.show(img,
					"nacc s3", new double[] { 1, 1, 1 }, new double[3]));
			assertTrue(e.getMessage().contains("nacc s3") && e.getMessage().contains("no display"), e
					.getMessage());
			assertInstanceOf(IllegalStateException.class, e.getCause());
		}
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
