package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.n5.N5Format;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

/** The virtual hyperstack shows every value as documented, calibrated in nm. */
class LevelStackTest {

	static Stream<Arguments> matrix() throws IOException {
		return Fixtures.readableMatrixArrays();
	}

	/** Every readable matrix array, plane by plane, against the npy. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void planesEqualTheNpy(final String name, final JsonNode entry) throws IOException {
		final LevelImage<?> image = LevelImage.open(LevelImageTest.matrixArray(name), ChunkCache.DEFAULT_MAX_BYTES);
		final Expected expected = Expected.read(Fixtures.matrix().resolve(entry.get("npy").asText()));
		final String dtype = entry.get("dtype").asText().substring(1);
		final ImagePlus imp = LevelHyperstack.open(image, Optional.empty(), name);
		final int bitDepth = dtype.equals("u1") || dtype.equals("i1") ? 8 : dtype.equals("u2") || dtype.equals("i2")
				? 16 : 32;
		assertEquals(bitDepth, imp.getBitDepth(), name);
		assertPlanes(expected, imp, dtype, name);
	}

	/** bool planes are 8-bit 0 and 1, float16 planes 32-bit floats. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.view.LevelImageTest#dtypes")
	void boolAndFloat16PlanesEqualTheNpy(final String name, final JsonNode entry) throws IOException {
		final LevelImage<?> image = LevelImage.open(LevelImageTest.dtypeArray(name), ChunkCache.DEFAULT_MAX_BYTES);
		final String dtype = entry.get("dtype").asText().substring(1);
		final ImagePlus imp = LevelHyperstack.open(image, Optional.empty(), name);
		assertEquals(dtype.equals("b1") ? 8 : 32, imp.getBitDepth(), name);
		assertEquals(1, imp.getCalibration().getCValue(1), "no calibration function");
		assertPlanes(Expected.read(Fixtures.dtypes().resolve(entry.get("npy").asText())), imp, dtype, name);
	}

	/** Every readable N5 matrix array (big-endian blocks, truncated edges) as a virtual stack, against the npy. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.testing.Fixtures#readableN5Arrays")
	void n5PlanesEqualTheNpy(final String name, final JsonNode entry) throws IOException {
		final ChunkedArray array = N5Format.INSTANCE.openArray(new FileStore(Fixtures.n5Matrix().resolve("matrix.n5")),
				name);
		final LevelImage<?> image = LevelImage.open(array, ChunkCache.DEFAULT_MAX_BYTES);
		final Expected expected = Expected.read(Fixtures.n5Matrix().resolve(entry.get("npy").asText()));
		final ImagePlus imp = LevelHyperstack.open(image, Optional.empty(), name);
		assertPlanes(expected, imp, array.metadata().dataType().descr().substring(1), name);
	}

	@Test
	void naccS0Int16ShownWithSigned16BitCalibration() throws IOException {
		final ImagePlus imp = LevelHyperstack.open(Expected.naccLevel(s -> s, "s0"), "nacc s0");
		assertEquals(16, imp.getBitDepth());
		assertEquals(41, imp.getNSlices());
		assertEquals(83, imp.getWidth());
		assertEquals(75, imp.getHeight());
		assertTrue(imp.getOpenAsHyperStack());
		assertTrue(imp.getCalibration().isSigned16Bit());
		assertEquals(-32768, imp.getCalibration().getCValue(0));
		assertEquals(0, imp.getCalibration().getCValue(32768));
		assertPlanes(Expected.nacc("s0"), imp, "i2", "s0");
	}

	@Test
	void naccS2Calibration() {
		final ScaleLevel level = Expected.naccLevel(s -> s, "s2");
		final String title = Preview.title("jrc_mus-nacc-2", Expected.FIBSEM, "s2");
		final ImagePlus imp = LevelHyperstack.open(level, title);
		assertEquals("jrc_mus-nacc-2 recon-2/em/fibsem-int16 s2", imp.getTitle());
		final Calibration cal = imp.getCalibration();
		assertEquals("nm", cal.getUnit());
		assertEquals(16.0, cal.pixelWidth, 1e-12);
		assertEquals(16.0, cal.pixelHeight, 1e-12);
		assertEquals(11.84, cal.pixelDepth, 1e-12);
		assertEquals(-6.0 / 16, cal.xOrigin, 1e-12);
		assertEquals(-6.0 / 16, cal.yOrigin, 1e-12);
		assertEquals(-4.44 / 11.84, cal.zOrigin, 1e-12);
		// ImageJ's physical position of voxel (x=1, y=2, z=3) is the level's translation + index * voxel size
		assertEquals(6 + 1 * 16, cal.getX(1), 1e-9);
		assertEquals(6 + 2 * 16, cal.getY(2, imp.getHeight()), 1e-9);
		assertEquals(4.44 + 3 * 11.84, cal.getZ(3), 1e-9);
		assertEquals(20, imp.getWidth());
		assertEquals(18, imp.getHeight());
		assertEquals(10, imp.getNSlices());
		assertEquals(1, imp.getNChannels());
		assertEquals(1, imp.getNFrames());
	}

	@Test
	void planeOutsideTheStackIsAnError() {
		final ImageStack stack = LevelHyperstack.open(Expected.naccLevel(s -> s, "s3"), "s3").getStack();
		assertEquals(5, stack.getSize());
		assertTrue(stack.isVirtual());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.getProcessor(6));
		assertTrue(e.getMessage().contains("fibsem-int16/s3"), e.getMessage());
	}

	/** Checks each plane's pixels, undoing the documented display offsets. */
	static void assertPlanes(final Expected expected, final ImagePlus imp, final String dtype, final String name) {
		final ImageStack stack = imp.getStack();
		final int width = imp.getWidth();
		final int height = imp.getHeight();
		int i = 0;
		for (int z = 1; z <= stack.getSize(); z++) {
			final ImageProcessor ip = stack.getProcessor(z);
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++, i++) {
					final int at = i;
					final int plane = z - 1;
					final int row = y;
					final int column = x;
					final Supplier<String> where = () -> name + " element " + at + " (z=" + plane + " y=" + row + " x="
							+ column + ")";
					switch (dtype) {
					case "b1":
					case "u1":
					case "u2":
						assertEquals(expected.bits(i), ip.get(x, y), where);
						break;
					case "i1":
						assertEquals(expected.bits(i), ip.get(x, y) - 128, where);
						assertEquals(expected.bits(i), imp.getCalibration().getCValue(ip.get(x, y)), where);
						break;
					case "i2":
						assertEquals(expected.bits(i), ip.get(x, y) - 32768, where);
						assertEquals(expected.bits(i), imp.getCalibration().getCValue(ip.get(x, y)), where);
						break;
					default:
						assertEquals(Float.floatToIntBits((float) expected.value(i)), Float.floatToIntBits(ip.getf(x,
								y)), where);
					}
				}
		}
		assertEquals(expected.count(), i, name);
	}
}
