package org.openorganelle.fiji.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.multiscale.Multiscale;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bucket miniature served by a real S3-compatible server on loopback, read through
 * the AWS SDK: discovery by listing, multiscale metadata of every group, and every level
 * of every group byte for byte against what zarr-python read.
 */
class BucketOverS3Test {

	private static final StoreFactory FACTORY = new StoreFactory();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	static Stream<Arguments> groups() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode g : Json.mapper().readTree(Fixtures.bucketExpected().resolve("index.json").toFile()))
			out.add(Arguments.of(g.get("dataset").asText() + ":" + g.get("group").asText(), g));
		return out.stream();
	}

	private static Container container(final JsonNode group) {
		return Container.open(PublicBucket.open(FACTORY,
				group.get("dataset").asText() + "/" + group.get("container").asText()));
	}

	@Test
	void listsTheDatasetsOfTheBucketByOneListing() {
		final BucketBrowser browser = new BucketBrowser(PublicBucket.open(FACTORY, ""), DatasetCatalog.bundled());
		assertEquals(List.of("jrc_cos7-11", "jrc_cos7-1a", "jrc_cos7-1b", "jrc_hela-2", "jrc_jurkat-1",
				"jrc_macrophage-2", "jrc_mosquito-stylet-6", "jrc_mus-nacc-2"), browser.datasets());
		assertEquals(List.of("jrc_hela-2.zarr", "jrc_hela-2.n5"), browser.containers("jrc_hela-2"), "the Zarr one first");
	}

	@Test
	void anUnknownDatasetSuggestsTheClosestAndExplainsJrcCos7Dash1() {
		final BucketBrowser browser = new BucketBrowser(PublicBucket.open(FACTORY, ""), DatasetCatalog.bundled());
		final NotFoundException e = assertThrows(NotFoundException.class, () -> browser.containers("jrc_cos7-1"));
		assertEquals(List.of("jrc_cos7-11", "jrc_cos7-1a", "jrc_cos7-1b"), e.suggestions());
		assertTrue(e.getMessage().contains("No dataset named jrc_cos7-1 exists"), e.getMessage());
	}

	@Test
	void findsEveryImageOfEveryDatasetByListing() throws IOException {
		for (final JsonNode g : Json.mapper().readTree(Fixtures.bucketExpected().resolve("index.json").toFile())) {
			final List<String> found = container(g).imagePaths();
			assertTrue(found.contains(g.get("group").asText()), g.get("group") + " not in " + found);
		}
		assertEquals(List.of("recon-1/em/fibsem-uint8", "recon-1/labels/groundtruth/crop1/all",
				"recon-1/labels/groundtruth/crop1/mito"),
				Container.open(PublicBucket.open(FACTORY, "jrc_hela-2/jrc_hela-2.zarr")).imagePaths());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("groups")
	void readsEveryLevelWithItsGeometryExactlyAsZarrPythonDoes(final String name, final JsonNode g)
			throws IOException {
		final MultiscaleGroup group = container(g).image(g.get("group").asText());
		assertEquals(g.get("dialect").asText().startsWith("ome") ? Multiscale.Dialect.OME_NGFF
				: Multiscale.Dialect.COSEM, group.multiscale().dialect());
		int i = 0;
		for (final ScaleLevel level : group.levels()) {
			final JsonNode expectedLevel = g.get("levels").get(i);
			assertEquals(expectedLevel.get("path").asText(), level.name());
			assertArrayEquals(doubles(g.get("scales").get(i)), level.transform().get().scaleNm(), 1e-9);
			assertArrayEquals(doubles(g.get("translations").get(i)), level.transform().get().translationNm(), 1e-9);
			assertEquals(DataType.parse(g.get("dtype").asText()), level.dataType());
			final NpyFile expected = NpyFile.read(Fixtures.bucketExpected().resolve(g.get("dataset").asText())
					.resolve(g.get("container").asText()).resolve(g.get("group").asText())
					.resolve(level.name() + ".npy"));
			assertArrayEquals(expected.shape, level.shape());
			assertArrayEquals(expected.data, level.array().read(Region.whole(level.shape())), name + "/" + level.name());
			i++;
		}
		assertEquals(g.get("levels").size(), i);
	}

	@Test
	void anUnknownLevelNamesTheValidOnes() {
		final MultiscaleGroup group = Container.open(PublicBucket.open(FACTORY, "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr"))
				.image("recon-2/em/fibsem-int16");
		final NotFoundException e = assertThrows(NotFoundException.class, () -> group.level("s9"));
		assertTrue(e.getMessage().contains("unknown level 's9'"), e.getMessage());
		assertEquals(List.of("s0", "s1", "s2", "s3"), group.levelNames());
	}

	private static double[] doubles(final JsonNode list) {
		final double[] v = new double[list.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = list.get(i).doubleValue();
		return v;
	}
}
