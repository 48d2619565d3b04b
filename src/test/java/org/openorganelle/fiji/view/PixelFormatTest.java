package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.DataType;

import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

/** Every dtype the readers accept can be shown, as the documented ImageJ type. */
class PixelFormatTest {

	/** ImageJ bit depth and bytes held in memory per element, by kind and size ({@code b1}, {@code f2}, …). */
	private static final Map<String, int[]> SHOWN = Map.ofEntries(Map.entry("b1", new int[] { 8, 1 }), Map.entry(
			"u1", new int[] { 8, 1 }), Map.entry("i1", new int[] { 8, 1 }), Map.entry("u2", new int[] { 16, 2 }),
			Map.entry("i2", new int[] { 16, 2 }), Map.entry("u4", new int[] { 32, 4 }), Map.entry("i4", new int[] {
					32, 4 }), Map.entry("u8", new int[] { 32, 8 }), Map.entry("i8", new int[] { 32, 8 }), Map.entry(
							"f2", new int[] { 32, 4 }), Map.entry("f4", new int[] { 32, 4 }), Map.entry("f8",
									new int[] { 32, 8 }));

	@Test
	void everySupportedDtypeHasAFormatOfTheDocumentedDepth() {
		for (final String dtype : DataType.SUPPORTED) {
			final PixelFormat format = PixelFormat.of(DataType.parse(dtype), "test");
			final int[] shown = SHOWN.get(dtype.substring(1));
			assertEquals(shown[0], format.bitDepth(), dtype);
			assertEquals(shown[1], format.bytes(), dtype);
			final Object plane = format.allocate(6);
			final Class<?> processor = shown[0] == 8 ? ByteProcessor.class : shown[0] == 16 ? ShortProcessor.class
					: FloatProcessor.class;
			assertInstanceOf(processor, format.processor(plane, 3, 2), dtype);
		}
	}

	@Test
	void boolIsShownAsItsZerosAndOnesFloat16AsFloats() {
		final byte[] bools = { 0, 1, 1, 0 };
		final ByteProcessor shown = (ByteProcessor) PixelFormat.BOOL.processor(bools, 2, 2);
		assertEquals(1, shown.get(1, 0));
		assertEquals(0, shown.get(1, 1));
		final float[] halves = { 0.5f, -65504f };
		assertEquals(-65504f, ((FloatProcessor) PixelFormat.FLOAT16.processor(halves, 2, 1)).getf(1, 0));
	}
}
