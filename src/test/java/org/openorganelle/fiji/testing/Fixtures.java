package org.openorganelle.fiji.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import org.openorganelle.fiji.array.Json;

import com.fasterxml.jackson.databind.JsonNode;

/** Locations of the committed fixtures written by {@code scripts/fixtures/make_zarr_fixtures.py}. */
public final class Fixtures {

	private Fixtures() {
	}

	/** The fixture root, {@code src/test/resources/fixtures} as copied to the test class path. */
	public static Path root() {
		try {
			return Paths.get(Fixtures.class.getResource("/fixtures").toURI());
		} catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The miniature of the public bucket. */
	public static Path bucket() {
		return root().resolve("bucket");
	}

	/** Expected values of every level in the bucket miniature. */
	public static Path bucketExpected() {
		return root().resolve("bucket-expected");
	}

	/** The codec × dtype × separator × order matrix. */
	public static Path matrix() {
		return root().resolve("matrix");
	}

	/** The N5 matrix (dataType × compression × edge blocks) and metadata-dialect containers. */
	public static Path n5Matrix() {
		return root().resolve("n5matrix");
	}

	/** The bool and float16 arrays and float16 conversion tables of {@code scripts/fixtures/make_dtype_fixtures.py}. */
	public static Path dtypes() {
		return root().resolve("dtypes");
	}

	/** The entries of a JSON list file below the fixture root, e.g. {@code n5matrix/index.json}. */
	public static List<JsonNode> index(final String file) throws IOException {
		final List<JsonNode> entries = new ArrayList<>();
		Json.mapper().readTree(root().resolve(file).toFile()).forEach(entries::add);
		return entries;
	}

	/** Arguments (name, index entry) of every N5 matrix array that reads without error. */
	public static Stream<Arguments> readableN5Arrays() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode e : index("n5matrix/index.json"))
			if (!e.path("expect_error").asBoolean())
				out.add(Arguments.of(e.get("name").asText(), e));
		return out.stream();
	}

	/** Arguments (name, index entry) of every matrix array that reads without error, for parameterized tests. */
	public static Stream<Arguments> readableMatrixArrays() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode e : matrixIndex())
			if (!e.path("expect_error").asBoolean())
				out.add(Arguments.of(e.get("name").asText(), e));
		return out.stream();
	}

	/** The entries of {@code matrix/index.json}. */
	public static List<JsonNode> matrixIndex() throws IOException {
		final List<JsonNode> entries = new ArrayList<>();
		Json.mapper().readTree(matrix().resolve("index.json").toFile()).forEach(entries::add);
		return entries;
	}
}
