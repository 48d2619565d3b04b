package org.openorganelle.fiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.testing.CliRun;
import org.openorganelle.fiji.testing.PublicBucket;

import com.fasterxml.jackson.databind.JsonNode;

/** The command line against the bucket miniature on a loopback S3 server. */
class OpenOrganelleCliTest {

	private static CliRun run(final String... args) {
		return CliRun.onPublicBucket(args);
	}

	@Test
	void listShowsEveryDatasetWithCatalogTitles() {
		final CliRun r = run("list");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.matches("(?s)DATASET +CONTAINERS +TITLE\n.*"), r.out);
		assertTrue(r.out.matches("(?s).*\njrc_hela-2 +jrc_hela-2\\.zarr, jrc_hela-2\\.n5 +Interphase HeLa cell\n.*"),
				r.out);
		assertTrue(r.out.matches("(?s).*\njrc_mus-nacc-2 +jrc_mus-nacc-2\\.zarr +-\n.*"), r.out);
		assertTrue(r.out.contains("8 datasets in s3://janelia-cosem-datasets"), r.out);
	}

	@Test
	void listAsJson() throws IOException {
		final CliRun r = run("list", "--json");
		assertEquals(0, r.code, r.err);
		final JsonNode root = Json.mapper().readTree(r.out);
		assertEquals(8, root.get("datasets").size());
		assertEquals("Interphase HeLa cell", root.get("datasets").get(3).get("title").asText());
		assertEquals("[\"jrc_hela-2.zarr\",\"jrc_hela-2.n5\"]", root.get("datasets").get(3).get("containers")
				.toString());
		assertTrue(root.get("datasets").get(6).get("title").isNull());
	}

	@Test
	void infoListsTheArraysOfADataset() {
		final CliRun r = run("info", "--dataset", "jrc_hela-2");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.startsWith("jrc_hela-2 — Interphase HeLa cell\n"), r.out);
		assertTrue(r.out.contains("recon-1/em/fibsem-uint8                jrc_hela-2.zarr  EM        s0..s4  OME-NGFF"),
				r.out);
		assertTrue(r.out.contains("recon-1/labels/groundtruth/crop1/mito  jrc_hela-2.zarr  labels    s0..s1  OME-NGFF"),
				r.out);
	}

	@Test
	void infoOfAnArrayShowsEveryLevelWithItsCost() {
		final CliRun r = run("info", "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.contains("s0     41×75×83       int16  16×32×32  -       zstd(level=1)  2.96×4×4          "
				+ "0×0×0        510 kB"), r.out);
		assertTrue(r.out.contains("s3     5×9×10         int16  16×32×32  -       zstd(level=1)  23.68×32×32"), r.out);
	}

	@Test
	void infoAsJsonCarriesShapesVoxelSizesAndBytes() throws IOException {
		final CliRun r = run("info", "--dataset", "jrc_mus-nacc-2", "--array",
				"recon-2/labels/inference/segmentations/nuc", "--json");
		assertEquals(0, r.code, r.err);
		final JsonNode s0 = Json.mapper().readTree(r.out).get("levels").get(0);
		assertEquals("uint64", s0.get("dtype").asText());
		assertEquals("zstd", s0.get("compressor").asText());
		assertEquals(5.92, s0.get("voxel_size_nm").get(0).asDouble(), 1e-9);
		final long elements = s0.get("shape").get(0).asLong() * s0.get("shape").get(1).asLong()
				* s0.get("shape").get(2).asLong();
		assertEquals(elements * 8, s0.get("bytes").asLong());
	}

	@Test
	void theMissingJrcCos7Dash1SuggestsTheCos7DatasetsAndExitsThree() {
		final CliRun r = run("info", "--dataset", "jrc_cos7-1");
		assertEquals(OpenOrganelleCli.NOT_FOUND, r.code);
		assertEquals("", r.out);
		assertEquals(1, r.err.lines().count(), r.err);
		assertTrue(r.err.startsWith("openorganelle: error: unknown dataset 'jrc_cos7-1' in s3://janelia-cosem-datasets/;"
				+ " did you mean: jrc_cos7-11, jrc_cos7-1a, jrc_cos7-1b"), r.err);
	}

	@Test
	void unknownArraysAndLevelsNameTheClosestValidOnes() {
		final CliRun array = run("info", "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-uint16");
		assertEquals(OpenOrganelleCli.NOT_FOUND, array.code);
		assertTrue(array.err.contains("did you mean: recon-2/em/fibsem-int16"), array.err);
		final CliRun level = run("info", "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16", "--level",
				"s8");
		assertEquals(OpenOrganelleCli.NOT_FOUND, level.code);
		assertTrue(level.err.contains("unknown level 's8'") && level.err.contains("s3"), level.err);
	}

	@Test
	void datasetWithOnlyAnotherContainerIsExplained() {
		final CliRun r = run("info", "--dataset", "jrc_hela-2", "--s3-uri", "s3://janelia-cosem-datasets/jrc_hela-2/x.zarr");
		assertEquals(OpenOrganelleCli.NOT_FOUND, r.code);
		assertTrue(r.err.contains("nothing exists at s3://janelia-cosem-datasets/jrc_hela-2/x.zarr"), r.err);
	}

	@Test
	void configurationComesFromTheEnvironment() {
		final Map<String, String> env = new HashMap<>();
		env.put("AWS_ENDPOINT_URL_S3", PublicBucket.server().endpoint().toString());
		env.put("DATASET_ID", "jrc_mus-nacc-2");
		env.put("ZARR_PATH", "recon-2/em/fibsem-int16");
		final CliRun r = CliRun.run(env, "info");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.contains("recon-2/em/fibsem-int16 (OME-NGFF) in s3://janelia-cosem-datasets/jrc_mus-nacc-2/"),
				r.out);
	}

	@Test
	void plainHttpsStyleAddressesWorkWithoutTheSdk() {
		final String url = PublicBucket.server().endpoint() + "/janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.zarr";
		final CliRun r = CliRun.run(Map.of(), "info", "--s3-uri", url, "--array", "recon-1/em/fibsem-uint8", "--level", "s1");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.contains("s1     25×33×48"), r.out);
	}

	@Test
	void debugLogsEveryRequest() {
		final CliRun r = run("info", "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16", "--debug");
		assertEquals(0, r.code, r.err);
		assertTrue(r.err.lines().anyMatch(l -> l.startsWith("debug: ") && l.contains(
				"s3://janelia-cosem-datasets/jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16/s0/.zarray")),
				r.err);
	}

	@Test
	void anUnreachableEndpointFailsWithOneLineNamingTheAddress() throws IOException {
		final int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		final CliRun r = CliRun.run(Map.of(), "list", "--endpoint", "http://127.0.0.1:" + port, "--retries", "1");
		assertEquals(OpenOrganelleCli.FAILURE, r.code);
		assertEquals(1, r.err.lines().count(), r.err);
		assertTrue(r.err.contains("s3://janelia-cosem-datasets"), r.err);
	}

	@Test
	void badOptionsAreUsageOrClearErrors() {
		assertEquals(2, run("info", "--no-such-option").code);
		final CliRun endpoint = CliRun.run(Map.of(), "list", "--endpoint", "ftp://x");
		assertEquals(OpenOrganelleCli.FAILURE, endpoint.code);
		assertTrue(endpoint.err.contains("invalid --endpoint 'ftp://x'"), endpoint.err);
		final CliRun both = CliRun.run(Map.of(), "list", "--profile", "p", "--credentials");
		assertTrue(both.err.contains("--profile and --credentials exclude each other"), both.err);
		final CliRun dataset = run("info", "--dataset", "../etc");
		assertEquals(OpenOrganelleCli.FAILURE, dataset.code);
		assertTrue(dataset.err.contains("invalid dataset name '../etc'"), dataset.err);
	}
}
