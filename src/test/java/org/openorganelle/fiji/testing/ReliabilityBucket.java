package org.openorganelle.fiji.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reliability fixture ({@code scripts/fixtures/make_reliability_fixture.py}: 288 chunks,
 * 6 missing, written by zarr-python) in the bucket {@value #NAME} of the shared loopback S3
 * server, uploaded once per JVM, with what zarr-python read from it.
 */
public final class ReliabilityBucket {

	/** The bucket's name. */
	public static final String NAME = "reliability";
	/** The container's address. */
	public static final String CONTAINER = "s3://" + NAME + "/many-chunks.zarr";
	/** The image inside the container. */
	public static final String IMAGE = "em/fibsem-uint16";

	private ReliabilityBucket() {
	}

	/** The running server holding the bucket. */
	public static S3TestServer server() {
		return S3TestServer.shared().withBucket(NAME, directory());
	}

	/** {@code expected.json}: shape, dtype, chunks, missing chunk keys, and the SHA-256 and size of the .npy. */
	public static JsonNode expected() {
		try {
			return new ObjectMapper().readTree(directory().resolve("expected.json").toFile());
		} catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path directory() {
		return Fixtures.root().resolve("reliability");
	}
}
