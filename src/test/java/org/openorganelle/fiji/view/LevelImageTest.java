package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.zarr.ZarrV2Format;

import com.fasterxml.jackson.databind.JsonNode;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** The ImgLib2 image of an array holds exactly the values zarr-python wrote. */
class LevelImageTest {

	private static final Map<String, Class<?>> TYPES = Map.of("u1", UnsignedByteType.class, "i1", ByteType.class,
			"u2", UnsignedShortType.class, "i2", ShortType.class, "u4", UnsignedIntType.class, "i4", IntType.class,
			"u8", UnsignedLongType.class, "i8", LongType.class, "f4", FloatType.class, "f8", DoubleType.class);

	static Stream<Arguments> matrix() throws IOException {
		return Fixtures.readableMatrixArrays();
	}

	static ChunkedArray matrixArray(final String name) {
		return ZarrV2Format.INSTANCE.openArray(new FileStore(Fixtures.matrix()), name);
	}

	/** Every readable matrix array (all dtypes, both byte orders, C and F order, missing chunks, edge chunks). */
	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void valuesEqualTheNpy(final String name, final JsonNode entry) throws IOException {
		final LevelImage<?> image = LevelImage.open(matrixArray(name), ChunkCache.DEFAULT_MAX_BYTES);
		final Expected expected = Expected.read(Fixtures.matrix().resolve(entry.get("npy").asText()));
		final long[] shape = image.array().metadata().shape();
		assertArrayEquals(new long[] { shape[2], shape[1], shape[0] }, image.img().dimensionsAsLongArray());
		assertInstanceOf(TYPES.get(entry.get("dtype").asText().substring(1)), image.img().firstElement(), name);
		assertValues(expected, image, name);
	}

	@Test
	void bigEndianUint64KeepsValuesAbove2To63() throws IOException {
		final LevelImage<?> image = LevelImage.open(matrixArray("x__be_u8__zlib1__dotF"), 1 << 20);
		final Expected expected = Expected.read(Fixtures.matrix().resolve("x__be_u8__zlib1__dotF.npy"));
		assertValues(expected, image, "x__be_u8__zlib1__dotF");
		final Cursor<? extends RealType<?>> max = Views.flatIterable(image.img()).cursor();
		boolean sawMax = false;
		while (max.hasNext())
			sawMax |= ((UnsignedLongType) max.next()).getBigInteger().toString().equals("18446744073709551615");
		assertTrue(sawMax, "uint64 max survives");
	}

	@Test
	void bigEndianInt16() throws IOException {
		final LevelImage<?> image = LevelImage.open(matrixArray("x__be_i2__zlib1__dotC"), 1 << 20);
		assertValues(Expected.read(Fixtures.matrix().resolve("x__be_i2__zlib1__dotC.npy")), image, "x__be_i2");
		final RandomAccess<? extends RealType<?>> access = image.img().randomAccess();
		access.setPosition(new long[] { 0, 0, 0 });
		assertInstanceOf(ShortType.class, access.get());
	}

	static Stream<Arguments> dtypes() throws IOException {
		return Fixtures.index("dtypes/index.json").stream().map(e -> Arguments.of(e.get("name").asText(), e));
	}

	static ChunkedArray dtypeArray(final String name) {
		return ZarrV2Format.INSTANCE.openArray(new FileStore(Fixtures.dtypes().resolve(name)), "");
	}

	/** bool as 0 and 1 in unsigned bytes, float16 widened to float exactly as numpy widens it (NaN payloads too). */
	@ParameterizedTest(name = "{0}")
	@MethodSource("dtypes")
	void boolAndFloat16ValuesEqualTheNpy(final String name, final JsonNode entry) throws IOException {
		final LevelImage<?> image = LevelImage.open(dtypeArray(name), ChunkCache.DEFAULT_MAX_BYTES);
		final boolean bool = entry.get("dtype").asText().equals("|b1");
		final Class<?> type = bool ? UnsignedByteType.class : FloatType.class;
		assertInstanceOf(type, image.type(), name);
		assertValues(Expected.read(Fixtures.dtypes().resolve(entry.get("npy").asText())), image, name);
		assertEquals(5 * 6 * 7 * (bool ? 1 : Float.BYTES), image.cache().cachedBytes(), "bytes held in memory");
	}

	/** numpy reads any non-zero byte of a bool array as True: shown as 1. */
	@Test
	void boolBytesOtherThanZeroAndOneAreOne(@TempDir final Path dir) throws IOException {
		Files.writeString(dir.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": [1, 1, 4], \"chunks\": [1, 1, 4],"
				+ " \"dtype\": \"|b1\", \"compressor\": null, \"fill_value\": false, \"order\": \"C\","
				+ " \"filters\": null}");
		Files.write(dir.resolve("0.0.0"), new byte[] { 0, 1, 2, (byte) 0xff });
		final LevelImage<?> image = LevelImage.open(ZarrV2Format.INSTANCE.openArray(new FileStore(dir), ""), 1 << 20);
		final List<Long> values = new ArrayList<>();
		for (final Object v : Views.flatIterable(image.img()))
			values.add(((IntegerType<?>) v).getIntegerLong());
		assertEquals(List.of(0L, 1L, 1L, 1L), values);
	}

	/** The COSEM-like nacc-2 int16 levels s0 (3 x 3 x 3 chunks, edge chunks cropped) to s3. */
	@ParameterizedTest
	@MethodSource("naccLevels")
	void naccLevelsEqualTheNpy(final String level) throws IOException {
		final LevelImage<?> image = LevelImage.open(Expected.naccLevel(s -> s, level));
		assertValues(Expected.nacc(level), image, level);
	}

	static Stream<String> naccLevels() {
		return Stream.of("s0", "s1", "s2", "s3");
	}

	/** Compares in C order (z slowest), i.e. ImgLib2's flat order with x fastest. */
	static void assertValues(final Expected expected, final LevelImage<?> image, final String name) {
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(image.img()).cursor();
		int i = 0;
		while (cursor.hasNext()) {
			final RealType<?> value = cursor.next();
			final int at = i;
			final Supplier<String> where = () -> name + " element " + at;
			if (value instanceof IntegerType)
				assertEquals(expected.bits(i), ((IntegerType<?>) value).getIntegerLong(), where);
			else if (value instanceof FloatType)
				assertEquals((int) expected.bits(i), Float.floatToRawIntBits(((FloatType) value).get()), where);
			else
				assertEquals(expected.bits(i), Double.doubleToRawLongBits(((DoubleType) value).get()), where);
			i++;
		}
		assertEquals(expected.count(), i, name + " element count");
	}
}
