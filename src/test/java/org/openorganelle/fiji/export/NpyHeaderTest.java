package org.openorganelle.fiji.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;

class NpyHeaderTest {

	@Test
	void equalsTheHeaderNumpySaveWroteForEveryFixture() throws IOException {
		int checked = 0;
		for (final JsonNode e : Fixtures.matrixIndex()) {
			if (e.get("npy").isNull())
				continue;
			final byte[] file = Files.readAllBytes(Fixtures.matrix().resolve(e.get("npy").asText()));
			final NpyFile npy = NpyFile.parse(file);
			assertArrayEquals(Arrays.copyOf(file, npy.headerLength), NpyHeader.of(DataType.parse(npy.descr), npy.shape),
					e.get("name").asText());
			checked++;
		}
		assertEquals(206, checked);
	}

	@Test
	void equalsTheHeaderNumpySaveWroteForBoolAndFloat16() throws IOException {
		final List<String> descrs = new ArrayList<>();
		for (final JsonNode e : Fixtures.index("dtypes/index.json")) {
			final byte[] file = Files.readAllBytes(Fixtures.dtypes().resolve(e.get("npy").asText()));
			final NpyFile npy = NpyFile.parse(file);
			assertArrayEquals(Arrays.copyOf(file, npy.headerLength), NpyHeader.of(DataType.parse(npy.descr), npy.shape),
					e.get("name").asText());
			descrs.add(npy.descr);
		}
		assertTrue(descrs.containsAll(List.of("|b1", "<f2", ">f2")), descrs.toString());
	}

	@Test
	void alignsDataTo64BytesForLargeShapesAndRankOne() {
		assertEquals(128, NpyHeader.of(DataType.parse("<f4"), new long[] { 564, 2520, 2596 }).length);
		final byte[] one = NpyHeader.of(DataType.parse(">u8"), new long[] { 5 });
		assertEquals(0, one.length % 64);
		assertEquals("{'descr': '>u8', 'fortran_order': False, 'shape': (5,), }",
				new String(one, 10, 57, StandardCharsets.US_ASCII));
	}
}
