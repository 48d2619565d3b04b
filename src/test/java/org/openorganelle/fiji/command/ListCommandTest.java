package org.openorganelle.fiji.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.testing.SciJavaRun;
import org.scijava.Context;

import com.fasterxml.jackson.databind.JsonNode;

/** {@link ListCommand} run by SciJava against the bucket miniature on a loopback S3 server. */
class ListCommandTest {

	private static Context context;

	@BeforeAll
	static void start() {
		context = SciJavaRun.context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static SciJavaRun list(final String dataset) throws Exception {
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("endpoint", PublicBucket.server().endpoint().toString());
		if (dataset != null)
			inputs.put("dataset", dataset);
		return SciJavaRun.run(context, ListCommand.class, inputs);
	}

	@Test
	void listsTheDatasetsOfTheBucketWhenNoDatasetIsGiven() throws Exception {
		final SciJavaRun run = list(null);
		assertFalse(run.canceled(), run.cancelReason());
		final List<String> expected;
		try (Stream<Path> s = Files.list(Fixtures.bucket())) {
			expected = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
					.collect(Collectors.toList());
		}
		assertEquals(8, expected.size());
		assertEquals(expected, Arrays.asList(run.output("listing").split("\n")));
	}

	@Test
	void listsTheArraysOfADataset() throws Exception {
		final SciJavaRun run = list("jrc_hela-2");
		assertFalse(run.canceled(), run.cancelReason());
		assertEquals(arraysOf("jrc_hela-2"), Arrays.asList(run.output("listing").split("\n")));
	}

	@Test
	void anUnknownDatasetFailsWithSuggestions() throws Exception {
		final SciJavaRun run = list("jrc_cos7-1");
		assertTrue(run.canceled());
		assertTrue(run.cancelReason().startsWith("unknown dataset 'jrc_cos7-1' in s3://janelia-cosem-datasets/; "
				+ "did you mean: jrc_cos7-11, jrc_cos7-1a, jrc_cos7-1b"), run.cancelReason());
		assertEquals(List.of(run.cancelReason()), run.errors);
		assertNull(run.output("listing"));
	}

	/** The arrays of a dataset, as zarr-python found them when the fixtures were made. */
	private static List<String> arraysOf(final String dataset) throws IOException {
		final List<String> arrays = new ArrayList<>();
		for (final JsonNode g : Json.mapper().readTree(Fixtures.bucketExpected().resolve("index.json").toFile()))
			if (g.get("dataset").asText().equals(dataset))
				arrays.add(g.get("group").asText());
		return arrays.stream().sorted().collect(Collectors.toList());
	}
}
