package org.openorganelle.fiji.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.openorganelle.fiji.testing.FaultProxy;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.testing.S3TestServer;

/**
 * The miniature of the public bucket plus one dataset holding no array
 * ({@value #NO_ARRAYS}: its Zarr container has groups only), on a loopback S3 server of
 * its own, behind a {@link FaultProxy} that delays every request by {@link #DELAY} — a
 * slow network, so that anything done on the event thread would show as a stall.
 */
final class SlowBucket {

	/** The delay of every request. */
	static final Duration DELAY = Duration.ofMillis(300);

	/** A dataset whose container holds groups but no array. */
	static final String NO_ARRAYS = "jrc_no-arrays-1";

	private static SlowBucket shared;

	final S3TestServer server;
	final FaultProxy proxy;

	private SlowBucket() throws IOException {
		server = S3TestServer.start();
		server.uploadDirectory(PublicBucket.NAME, Fixtures.bucket(), "");
		final byte[] group = "{\"zarr_format\": 2}".getBytes(StandardCharsets.UTF_8);
		server.put(PublicBucket.NAME, NO_ARRAYS + "/" + NO_ARRAYS + ".zarr/.zgroup", group);
		server.put(PublicBucket.NAME, NO_ARRAYS + "/" + NO_ARRAYS + ".zarr/recon-1/.zgroup", group);
		server.put(PublicBucket.NAME, NO_ARRAYS + "/" + NO_ARRAYS + ".zarr/recon-1/em/.zgroup", group);
		proxy = FaultProxy.start(server.endpoint()).delay(DELAY);
	}

	/** The JVM's slow bucket, started on first use. */
	static synchronized SlowBucket get() {
		if (shared == null)
			try {
				shared = new SlowBucket();
			} catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		return shared;
	}

	/** The endpoint to type into the browser's Endpoint field. */
	String endpoint() {
		return proxy.endpoint().toString();
	}
}
