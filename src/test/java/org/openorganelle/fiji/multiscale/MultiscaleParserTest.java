package org.openorganelle.fiji.multiscale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

class MultiscaleParserTest {

	private static final double EPS = 1e-9;

	private static ObjectNode resource(final String name) throws IOException {
		try (InputStream in = MultiscaleParserTest.class.getResourceAsStream(name)) {
			return Json.parseObject(in.readAllBytes(), name);
		}
	}

	private static ObjectNode json(final String text) {
		return Json.parseObject(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test.json");
	}

	@Test
	void readsTheRealOmeNgffAttributesOfMusNacc2() throws IOException {
		final Multiscale m = MultiscaleParser.parse(resource("nacc-2-fibsem-int16.zattrs.json"), "x").get();
		assertEquals(Multiscale.Dialect.OME_NGFF, m.dialect());
		assertEquals(List.of("z", "y", "x"), m.axes());
		assertEquals(List.of("s0", "s1", "s8"), m.levelPaths());
		assertArrayEquals(new double[] { 2.96, 4, 4 }, m.transform("s0").get().scaleNm(), EPS);
		assertArrayEquals(new double[] { 5.92, 8, 8 }, m.transform("s1").get().scaleNm(), EPS);
		assertArrayEquals(new double[] { 1.48, 2, 2 }, m.transform("s1").get().translationNm(), EPS);
		assertArrayEquals(new double[] { 377.4, 510, 510 }, m.transform("s8").get().translationNm(), EPS);
	}

	@Test
	void readsTheCosemTransformDialectOfN5Groups() throws IOException {
		final Multiscale m = MultiscaleParser.parse(resource("hela-3-n5-group.attributes.json"), "x").get();
		assertEquals(Multiscale.Dialect.COSEM, m.dialect());
		assertEquals("em/fibsem-uint16", m.name());
		assertArrayEquals(new double[] { 25.92, 32, 32 }, m.transform("s3").get().scaleNm(), 1e-6);
		assertArrayEquals(new double[] { 24.3, 30, 30 }, m.transform("s4").get().translationNm(), 1e-6);
	}

	@Test
	void readsN5ViewerPixelResolutionAndScalesInZyxOrder() {
		final Multiscale m = MultiscaleParser.parse(json("{\"pixelResolution\": {\"dimensions\": [4.0, 4.0, 5.24],"
				+ " \"unit\": \"nm\"}, \"scales\": [[1,1,1],[2,2,2],[4,4,4]], \"axes\": [\"x\",\"y\",\"z\"]}"), "x").get();
		assertEquals(Multiscale.Dialect.N5_VIEWER, m.dialect());
		assertEquals(List.of("z", "y", "x"), m.axes());
		assertEquals(List.of("s0", "s1", "s2"), m.levelPaths());
		assertArrayEquals(new double[] { 20.96, 16, 16 }, m.transform("s2").get().scaleNm(), EPS);
		assertArrayEquals(new double[] { 7.86, 6, 6 }, m.transform("s2").get().translationNm(), EPS);
	}

	@Test
	void appliesTheMultiscaleLevelTransformAndConvertsUnits() {
		final Multiscale m = MultiscaleParser.parse(json("{\"multiscales\": [{\"version\": \"0.4\", \"axes\": ["
				+ "{\"name\": \"z\", \"type\": \"space\", \"unit\": \"micrometer\"},"
				+ "{\"name\": \"y\", \"type\": \"space\", \"unit\": \"nanometer\"}],"
				+ "\"coordinateTransformations\": [{\"type\": \"scale\", \"scale\": [2, 1]},"
				+ "{\"type\": \"translation\", \"translation\": [1, 1]}],"
				+ "\"datasets\": [{\"path\": \"0\", \"coordinateTransformations\": ["
				+ "{\"type\": \"scale\", \"scale\": [0.5, 4]}, {\"type\": \"translation\", \"translation\": [0.25, 2]}]}]}]}"),
				"x").get();
		assertArrayEquals(new double[] { 1000, 4 }, m.transform("0").get().scaleNm(), EPS);
		assertArrayEquals(new double[] { 1500, 3 }, m.transform("0").get().translationNm(), EPS);
	}

	@Test
	void ignoresAttributesWithoutMultiscaleMetadata() {
		assertTrue(MultiscaleParser.parse(json("{\"cellmap\": {}}"), "x").isEmpty());
	}

	@Test
	void rejectsMalformedMultiscaleMetadataNamingTheDocument() {
		final String[] bad = { "{\"multiscales\": [{\"datasets\": []}]}",
				"{\"multiscales\": [{\"axes\": [\"z\"], \"datasets\": [{\"path\": \"s0\", \"coordinateTransformations\":"
						+ " [{\"type\": \"scale\", \"scale\": [1, 2]}]}]}]}",
				"{\"multiscales\": [{\"axes\": [{\"name\": \"z\", \"unit\": \"parsec-ish\"}], \"datasets\": [{\"path\": \"s0\","
						+ " \"coordinateTransformations\": [{\"type\": \"scale\", \"scale\": [1]}]}]}]}",
				"{\"multiscales\": [{\"datasets\": [{\"path\": \"s0\", \"transform\": {\"scale\": [1]}}]}]}" };
		for (final String b : bad) {
			final FormatException e = assertThrows(FormatException.class,
					() -> MultiscaleParser.parse(json(b), "s3://b/g/.zattrs"));
			assertTrue(e.getMessage().startsWith("invalid multiscale metadata in s3://b/g/.zattrs: "), e.getMessage());
		}
	}
}
