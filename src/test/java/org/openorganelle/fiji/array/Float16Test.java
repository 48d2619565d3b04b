package org.openorganelle.fiji.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

/**
 * Half precision converted as numpy converts it (scripts/fixtures/make_dtype_fixtures.py): every
 * one of the 65536 bit patterns to float, and doubles around every kind of rounding decision
 * to float16 as {@code np.float16(x)} rounds them.
 */
class Float16Test {

	private static ByteBuffer data(final String npy, final String descr) throws IOException {
		final NpyFile file = NpyFile.read(Fixtures.dtypes().resolve(npy));
		assertEquals(descr, file.descr, npy);
		return ByteBuffer.wrap(file.data).order(ByteOrder.LITTLE_ENDIAN);
	}

	@Test
	void everyBitPatternBecomesTheFloatNumpyMakesOfIt() throws IOException {
		final ByteBuffer table = data("float16_to_float32.npy", "<u4");
		assertEquals(65536 * 4, table.capacity());
		for (int half = 0; half < 65536; half++) {
			final int expected = table.getInt(half * 4);
			assertEquals(expected, Float.floatToRawIntBits(Float16.toFloat((short) half)), "float16 0x"
					+ Integer.toHexString(half));
		}
	}

	@Test
	void everyValueThatIsNotNanRoundsBackToItsOwnBits() throws IOException {
		final ByteBuffer table = data("float16_to_float32.npy", "<u4");
		int checked = 0;
		for (int half = 0; half < 65536; half++) {
			final float value = Float.intBitsToFloat(table.getInt(half * 4));
			if (Float.isNaN(value))
				continue;
			assertEquals(half, Float16.fromDouble(value) & 0xffff, "float16 0x" + Integer.toHexString(half));
			checked++;
		}
		assertEquals(65536 - 2 * 1023, checked, "all but the NaNs (1023 payloads, both signs)");
	}

	@Test
	void doublesRoundToTheNearestHalfTiesToEvenAsNumpyRoundsThem() throws IOException {
		final ByteBuffer in = data("float16_rounding_in.npy", "<f8");
		final ByteBuffer out = data("float16_rounding_out.npy", "<u2");
		final int n = in.capacity() / 8;
		assertEquals(n, out.capacity() / 2);
		assertTrue(n > 3000, n + " inputs");
		for (int i = 0; i < n; i++) {
			final double x = in.getDouble(i * 8);
			assertEquals(out.getShort(i * 2), Float16.fromDouble(x), "np.float16(" + x + ")");
		}
	}

	/** Expected bits: numpy's {@code np.array([bits], np.uint64).view(np.float64).astype(np.float16)}. */
	@Test
	void nanKeepsItsSignAndStaysNanWhenItsPayloadIsTooLowToKeep() {
		assertEquals((short) 0x7e00, Float16.fromDouble(Double.longBitsToDouble(0x7ff8000000000000L)));
		assertEquals((short) 0xfe00, Float16.fromDouble(Double.longBitsToDouble(0xfff8000000000000L)));
		assertEquals((short) 0x7c01, Float16.fromDouble(Double.longBitsToDouble(0x7ff0000000000001L)));
	}
}
