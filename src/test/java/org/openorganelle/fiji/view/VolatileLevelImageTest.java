package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.testing.CountingStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.FaultyStore;

import com.fasterxml.jackson.databind.JsonNode;

import net.imglib2.Cursor;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.type.volatiles.AbstractVolatileNativeRealType;
import net.imglib2.type.volatiles.VolatileByteType;
import net.imglib2.type.volatiles.VolatileDoubleType;
import net.imglib2.type.volatiles.VolatileFloatType;
import net.imglib2.type.volatiles.VolatileIntType;
import net.imglib2.type.volatiles.VolatileLongType;
import net.imglib2.type.volatiles.VolatileShortType;
import net.imglib2.type.volatiles.VolatileUnsignedByteType;
import net.imglib2.type.volatiles.VolatileUnsignedIntType;
import net.imglib2.type.volatiles.VolatileUnsignedLongType;
import net.imglib2.type.volatiles.VolatileUnsignedShortType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * The volatile image never waits for a chunk: an unloaded cell answers at once as invalid
 * while a fetch thread loads it (each request here takes 300 ms), and once loaded it answers
 * valid with zarr-python's values. nacc-2 s0 is 83 x 75 x 41 voxels (x, y, z) in chunks of
 * 32 x 32 x 16: 3 x 3 x 3 chunks.
 */
class VolatileLevelImageTest {

	private static final long DELAY_MILLIS = 300;

	/** Far below one request's delay: an access that waited for I/O could not be this fast. */
	private static final long NOT_BLOCKED_MILLIS = 100;

	private static final Map<String, Class<?>> TYPES = Map.of("u1", VolatileUnsignedByteType.class, "i1",
			VolatileByteType.class, "u2", VolatileUnsignedShortType.class, "i2", VolatileShortType.class, "u4",
			VolatileUnsignedIntType.class, "i4", VolatileIntType.class, "u8", VolatileUnsignedLongType.class, "i8",
			VolatileLongType.class, "f4", VolatileFloatType.class, "f8", VolatileDoubleType.class);

	private FaultyStore slow;
	private CountingStore counting;

	private ScaleLevel slowS0() {
		return Expected.naccLevel(store -> counting = new CountingStore(slow = FaultyStore.slow(store, FaultyStore.CHUNKS, DELAY_MILLIS)),
				"s0");
	}

	@Test
	void anUnloadedCellIsInvalidAtOnceAndValidWithTheRightValuesOnceFetched() throws Exception {
		final ChunkFetcher fetcher = new ChunkFetcher();
		final VolatileLevelImage<?> image = VolatileLevelImage.of(LevelImage.open(slowS0()), fetcher);
		final LazyCellImg<?, ?> img = image.img();
		assertInstanceOf(VolatileShortType.class, image.type());

		final long start = System.nanoTime();
		final AbstractVolatileNativeRealType<?, ?> first = (AbstractVolatileNativeRealType<?, ?>) img.getAt(40, 40,
				20);
		final long millis = (System.nanoTime() - start) / 1_000_000;
		assertFalse(first.isValid(), "not loaded yet");
		assertTrue(millis < NOT_BLOCKED_MILLIS, "answered in " + millis + " ms, a request takes " + DELAY_MILLIS);

		waitFor(() -> image.level().cache().cachedChunks() == 1);
		assertEquals(List.of("recon-2/em/fibsem-int16/s0/1/1/1"), counting.chunkGets(), "only the touched chunk");
		final AbstractVolatileNativeRealType<?, ?> again = (AbstractVolatileNativeRealType<?, ?>) img.getAt(40, 40,
				20);
		assertTrue(again.isValid());
		final Expected expected = Expected.nacc("s0");
		assertEquals(expected.bits((20 * 75 + 40) * 83 + 40), ((IntegerType<?>) again.get()).getIntegerLong());
	}

	@Test
	void noCallerThreadWaitsAndEveryValueArrives() throws Exception {
		final ChunkFetcher fetcher = new ChunkFetcher();
		final VolatileLevelImage<?> image = VolatileLevelImage.of(LevelImage.open(slowS0()), fetcher);
		final LazyCellImg<?, ?> img = image.img();
		long slowest = 0;
		for (int z = 0; z < 41; z += 16)
			for (int y = 0; y < 75; y += 32)
				for (int x = 0; x < 83; x += 32) {
					final long start = System.nanoTime();
					assertFalse(((AbstractVolatileNativeRealType<?, ?>) img.getAt(x, y, z)).isValid());
					slowest = Math.max(slowest, System.nanoTime() - start);
				}
		assertTrue(slowest / 1_000_000 < NOT_BLOCKED_MILLIS, "slowest access " + slowest / 1_000_000 + " ms");

		waitFor(() -> image.level().cache().cachedChunks() == 27);
		assertEquals(27, counting.chunkGets().size(), "each chunk fetched once");
		assertTrue(slow.threads().stream().allMatch(t -> t.startsWith("openorganelle-fetch-")), slow.threads()
				.toString());
		assertTrue(slow.threads().size() <= ChunkFetcher.DEFAULT_THREADS);
		assertVolatileValues(Expected.nacc("s0"), image, "s0");
	}

	static Stream<Arguments> matrix() throws IOException {
		return Fixtures.readableMatrixArrays();
	}

	/** Every readable matrix array: the volatile twin of its type, zarr-python's values once loaded. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void everyDtypeHasItsVolatileTwin(final String name, final JsonNode entry) throws Exception {
		final ChunkFetcher fetcher = new ChunkFetcher();
		final VolatileLevelImage<?> image = VolatileLevelImage.of(LevelImage.open(LevelImageTest.matrixArray(name),
				ChunkCache.DEFAULT_MAX_BYTES), fetcher);
		assertInstanceOf(TYPES.get(entry.get("dtype").asText().substring(1)), image.type(), name);
		for (final Object pixel : Views.flatIterable(image.img()))
			((AbstractVolatileNativeRealType<?, ?>) pixel).isValid();
		final long chunks = Intervals.numElements(image.img().getCellGrid().getGridDimensions());
		waitFor(() -> image.level().cache().cachedChunks() == chunks, () -> image.level().cache().cachedChunks()
				+ " of " + chunks + " chunks cached, " + fetcher.queued() + " queued, " + fetcher.failures()
				+ " failed");
		assertVolatileValues(Expected.read(Fixtures.matrix().resolve(entry.get("npy").asText())), image, name);
	}

	/** bool and float16: the volatile twins of unsigned bytes and floats, zarr-python's values once loaded. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.view.LevelImageTest#dtypes")
	void boolAndFloat16HaveTheirVolatileTwins(final String name, final JsonNode entry) throws Exception {
		final ChunkFetcher fetcher = new ChunkFetcher();
		final VolatileLevelImage<?> image = VolatileLevelImage.of(LevelImage.open(LevelImageTest.dtypeArray(name),
				ChunkCache.DEFAULT_MAX_BYTES), fetcher);
		final Class<?> type = entry.get("dtype").asText().equals("|b1") ? VolatileUnsignedByteType.class
				: VolatileFloatType.class;
		assertInstanceOf(type, image.type(), name);
		for (final Object pixel : Views.flatIterable(image.img()))
			((AbstractVolatileNativeRealType<?, ?>) pixel).isValid();
		final long chunks = Intervals.numElements(image.img().getCellGrid().getGridDimensions());
		waitFor(() -> image.level().cache().cachedChunks() == chunks);
		assertVolatileValues(Expected.read(Fixtures.dtypes().resolve(entry.get("npy").asText())), image, name);
	}

	@Test
	void aFailedChunkBecomesValidBlackIsNotFetchedAgainAndIsReportedOnce() throws Exception {
		final List<String> log = new CopyOnWriteArrayList<>();
		final ChunkFetcher fetcher = new ChunkFetcher(2, 16, log::add);
		final ScaleLevel level = Expected.naccLevel(store -> counting = new CountingStore(FaultyStore.corrupt(store, FaultyStore.CHUNKS)),
				"s0");
		final VolatileLevelImage<?> image = VolatileLevelImage.of(LevelImage.open(level), fetcher);
		image.img().getAt(0, 0, 0);
		image.img().getAt(40, 0, 0);
		waitFor(() -> fetcher.failures() == 2);
		for (int i = 0; i < 3; i++)
			for (final long x : new long[] { 0, 40 }) {
				final AbstractVolatileNativeRealType<?, ?> v = (AbstractVolatileNativeRealType<?, ?>) image.img()
						.getAt(x, 0, 0);
				assertTrue(v.isValid(), "a failed chunk is valid, so BigDataViewer stops re-rendering it");
				assertEquals(0, v.get().getRealDouble(), "and shown black");
			}
		Thread.sleep(100);
		assertEquals(2, counting.chunkGets().size(), "failed chunks are not requested again");
		assertEquals(0, fetcher.queued());
		assertEquals(1, log.size(), log.toString());
		assertTrue(log.get(0).contains("recon-2/em/fibsem-int16/s0/0/0/"), log.get(0));
	}

	/** Every element valid and equal to the npy, in C order. */
	static void assertVolatileValues(final Expected expected, final VolatileLevelImage<?> image, final String name) {
		final Cursor<?> cursor = Views.flatIterable(image.img()).cursor();
		int i = 0;
		while (cursor.hasNext()) {
			final AbstractVolatileNativeRealType<?, ?> v = (AbstractVolatileNativeRealType<?, ?>) cursor.next();
			final int at = i;
			assertTrue(v.isValid(), () -> name + " element " + at + " valid");
			final Object value = v.get();
			if (value instanceof IntegerType)
				assertEquals(expected.bits(i), ((IntegerType<?>) value).getIntegerLong(), () -> name + " " + at);
			else if (value instanceof FloatType)
				assertEquals((int) expected.bits(i), Float.floatToRawIntBits(((FloatType) value).get()), () -> name
						+ " " + at);
			else
				assertEquals(expected.bits(i), Double.doubleToRawLongBits(((DoubleType) value).get()), () -> name
						+ " " + at);
			i++;
		}
		assertEquals(expected.count(), i, name);
	}

	static void waitFor(final BooleanSupplier condition) throws InterruptedException {
		waitFor(condition, () -> "");
	}

	static void waitFor(final BooleanSupplier condition, final Supplier<String> state) throws InterruptedException {
		final long deadline = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertTrue(System.nanoTime() < deadline, () -> "timed out waiting: " + state.get());
			Thread.sleep(10);
		}
	}
}
