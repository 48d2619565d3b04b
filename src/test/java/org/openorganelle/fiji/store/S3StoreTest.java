package org.openorganelle.fiji.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openorganelle.fiji.store.StoreFailures.assertFailure;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.testing.S3TestServer;
import org.openorganelle.fiji.testing.ScriptedHttpServer;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link S3Store} on the AWS SDK against a real S3 server (s3proxy) on loopback. */
class S3StoreTest {

	private static final String BUCKET = "s3store-test";
	private static final int MANY = 1100;

	private static S3TestServer server;
	private static S3Client anonymous;

	@BeforeAll
	static void seed(@TempDir final Path dir) throws IOException {
		server = S3TestServer.shared();
		Files.createDirectories(dir.resolve("s0/0/0"));
		Files.write(dir.resolve(".zattrs"), bytes("{\"multiscales\":[]}"));
		Files.write(dir.resolve("s0/.zarray"), bytes("{\"zarr_format\":2}"));
		Files.write(dir.resolve("s0/0/0/0"), new byte[] { 7, 8, 9 });
		Files.write(dir.resolve("s0/0/0/1"), new byte[] { 10 });
		assertEquals(4, server.uploadDirectory(BUCKET, dir, "data.zarr"));
		for (int i = 0; i < MANY; i++) {
			server.put(BUCKET, String.format("many/k%05d", i), new byte[] { 1 });
			server.put(BUCKET, String.format("many/p%05d/x", i), new byte[] { 2 });
		}
		anonymous = client(AnonymousCredentialsProvider.create(), server.endpoint(), StoreOptions.defaults());
	}

	@AfterAll
	static void closeClient() {
		anonymous.close();
	}

	@Test
	void getReadsExistingKeys() {
		final S3Store store = new S3Store(anonymous, BUCKET, "data.zarr");
		assertArrayEquals(bytes("{\"zarr_format\":2}"), store.get("s0/.zarray").get());
		assertArrayEquals(new byte[] { 7, 8, 9 }, store.get("s0/0/0/0").get());
		assertArrayEquals(new byte[] { 10 }, new S3Store(anonymous, BUCKET, "").get("data.zarr/s0/0/0/1").get());
	}

	@Test
	void missingKeysAreAbsent() {
		final S3Store store = new S3Store(anonymous, BUCKET, "data.zarr");
		assertEquals(Optional.empty(), store.get("s0/0/0/2"));
		assertEquals(Optional.empty(), store.get("s0/.zarray/below-an-object"));
		assertEquals(Optional.empty(), store.get("s9/.zarray"));
	}

	@Test
	void missingBucketIsAPermanentError() {
		final S3Store store = new S3Store(anonymous, "no-such-bucket", "x.zarr");
		final StoreException e = assertThrows(StoreException.class, () -> store.get(".zattrs"));
		assertFalse(e.isRetryable());
		assertEquals(404, e.httpStatus());
		assertEquals("s3://no-such-bucket/x.zarr/.zattrs", e.uri());
		assertTrue(e.getMessage().contains("s3://no-such-bucket/x.zarr/.zattrs"), e.getMessage());
		assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
		assertThrows(StoreException.class, () -> store.list(""));
	}

	@Test
	void listReturnsChildNamesRelativeToThePrefix() {
		final S3Store store = new S3Store(anonymous, BUCKET, "data.zarr");
		final Listing root = store.list("");
		assertEquals(List.of("s0"), root.prefixes());
		assertEquals(List.of(".zattrs"), root.objects());
		final Listing s0 = store.list("s0/");
		assertEquals(List.of("0"), s0.prefixes());
		assertEquals(List.of(".zarray"), s0.objects());
		assertEquals(List.of("0", "1"), store.list("s0/0/0").objects());
		assertTrue(store.list("nothing-here").isEmpty());
		assertEquals(List.of("data.zarr", "many"), new S3Store(anonymous, BUCKET, "").list("").prefixes());
	}

	@Test
	void listFollowsContinuationTokensPastOneThousandKeys() {
		final Listing listing = new S3Store(anonymous, BUCKET, "").list("many");
		assertEquals(MANY, listing.prefixes().size());
		assertEquals(MANY, listing.objects().size());
		assertEquals("p00000", listing.prefixes().get(0));
		assertEquals(String.format("p%05d", MANY - 1), listing.prefixes().get(MANY - 1));
		assertEquals(String.format("k%05d", MANY - 1), listing.objects().get(MANY - 1));
	}

	@Test
	void listWithSmallPagesGetsEverything() {
		final S3Store paged = new S3Store(anonymous, BUCKET, "many", 300);
		final Listing listing = paged.list("");
		assertEquals(MANY, listing.prefixes().size());
		assertEquals(MANY, listing.objects().size());
		assertEquals(List.of("0", "1"), new S3Store(anonymous, BUCKET, "data.zarr", 1).list("s0/0/0").objects());
	}

	@Test
	void uriNamesBucketAndFullKey() {
		assertEquals("s3://" + BUCKET + "/data.zarr/s0/.zarray", new S3Store(anonymous, BUCKET, "data.zarr/").uri(
				"s0/.zarray"));
	}

	@Test
	void signedRequestsReadACredentialedServer() {
		final S3TestServer secured = S3TestServer.sharedCredentialed();
		secured.put(ensureBucket(secured), "private.zarr/.zattrs", bytes("{}"));
		final AwsCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
				secured.accessKey(), secured.secretKey()));
		try (S3Client signed = client(credentials, secured.endpoint(), StoreOptions.defaults())) {
			final S3Store store = new S3Store(signed, BUCKET, "private.zarr");
			assertArrayEquals(bytes("{}"), store.get(".zattrs").get());
			assertEquals(List.of(".zattrs"), store.list("").objects());
		}
	}

	@Test
	void anonymousRequestsToACredentialedServerAreDenied() {
		final S3TestServer secured = S3TestServer.sharedCredentialed();
		secured.put(ensureBucket(secured), "private.zarr/.zattrs", bytes("{}"));
		try (S3Client unsigned = client(AnonymousCredentialsProvider.create(), secured.endpoint(),
				StoreOptions.defaults())) {
			final S3Store store = new S3Store(unsigned, BUCKET, "private.zarr");
			final AccessDeniedException get = assertThrows(AccessDeniedException.class, () -> store.get(".zattrs"));
			assertEquals(403, get.httpStatus());
			assertFalse(get.isRetryable());
			assertTrue(get.getMessage().contains("s3://" + BUCKET + "/private.zarr/.zattrs"), get.getMessage());
			assertTrue(get.getMessage().contains("403"), get.getMessage());
			assertThrows(AccessDeniedException.class, () -> store.list(""));
		}
	}

	@Test
	void httpFailuresAreClassified() throws IOException {
		try (ScriptedHttpServer fake = new ScriptedHttpServer();
				S3Client client = client(AnonymousCredentialsProvider.create(), fake.endpoint(), fastOptions())) {
			final S3Store store = new S3Store(client, "bkt", "root");
			fake.enqueue(ScriptedHttpServer.s3Error(500, "InternalError"), ScriptedHttpServer.s3Error(503, "SlowDown"),
					ScriptedHttpServer.s3Error(429, "TooManyRequests"), ScriptedHttpServer.s3Error(400, "InvalidRequest"),
					ScriptedHttpServer.s3Error(403, "AccessDenied"), ScriptedHttpServer.s3Error(404, "NoSuchKey"),
					ScriptedHttpServer.s3Error(404, "NoSuchBucket"));
			assertFailure(store, 500, true);
			assertFailure(store, 503, true);
			assertFailure(store, 429, true);
			assertFailure(store, 400, false);
			assertThrows(AccessDeniedException.class, () -> store.get("k"));
			assertEquals(Optional.empty(), store.get("k"));
			assertFailure(store, 404, false);
			assertEquals(7, fake.requests().size(), "one request per call: the SDK's own retries are off");
			assertTrue(fake.requests().get(0).startsWith("GET /bkt/root/k"), fake.requests().get(0));
		}
	}

	@Test
	void timeoutsAndTruncatedBodiesAreRetryable() throws IOException {
		try (ScriptedHttpServer fake = new ScriptedHttpServer();
				S3Client client = client(AnonymousCredentialsProvider.create(), fake.endpoint(), fastOptions())) {
			final S3Store store = new S3Store(client, "bkt", "");
			fake.enqueue(ScriptedHttpServer.reply(200, new byte[100]).delayedBy(2000),
					ScriptedHttpServer.reply(200, new byte[100]).truncatedAfter(40));
			final StoreException timeout = assertFailure(store, 0, true);
			assertTrue(timeout.getMessage().contains("s3://bkt/k"), timeout.getMessage());
			final StoreException truncated = assertFailure(store, 0, true);
			assertTrue(truncated.getMessage().contains("s3://bkt/k"), truncated.getMessage());
		}
	}

	@Test
	void endpointComesFromTheEnvironmentS3VariableFirst() {
		final String unreachable = "http://127.0.0.1:1";
		assertReadsThroughFactory(StoreOptions.builder().environment(Map.of(StoreOptions.ENDPOINT_S3_VARIABLE, server
				.endpoint().toString(), StoreOptions.ENDPOINT_VARIABLE, unreachable)));
		assertReadsThroughFactory(StoreOptions.builder().environment(Map.of(StoreOptions.ENDPOINT_VARIABLE, server
				.endpoint().toString())));
		assertReadsThroughFactory(StoreOptions.builder().endpoint(server.endpoint()).environment(Map.of(
				StoreOptions.ENDPOINT_S3_VARIABLE, unreachable)));
		final StoreOptions wrong = StoreOptions.builder().maxAttempts(1).environment(Map.of(
				StoreOptions.ENDPOINT_S3_VARIABLE, unreachable, StoreOptions.ENDPOINT_VARIABLE, server.endpoint()
						.toString())).build();
		try (StoreFactory factory = new StoreFactory()) {
			final StoreException e = assertThrows(StoreException.class, () -> factory.open(StoreAddress.parse("s3://"
					+ BUCKET + "/data.zarr"), wrong).get(".zattrs"));
			assertTrue(e.isRetryable(), "connection refused is worth retrying");
		}
	}

	private static void assertReadsThroughFactory(final StoreOptions.Builder options) {
		final List<String> log = new ArrayList<>();
		try (StoreFactory factory = new StoreFactory()) {
			final KeyValueStore store = factory.open(StoreAddress.parse("s3://" + BUCKET + "/data.zarr"), options
					.requestLog(log::add).build());
			assertArrayEquals(bytes("{\"multiscales\":[]}"), store.get(".zattrs").get());
		}
		assertEquals(1, log.size(), String.join("\n", log));
		assertTrue(log.get(0).startsWith("GET s3://" + BUCKET + "/data.zarr/.zattrs -> 18 bytes ("), log.get(0));
	}

	private static String ensureBucket(final S3TestServer secured) {
		secured.createBucket(BUCKET);
		return BUCKET;
	}

	private static StoreOptions fastOptions() {
		return StoreOptions.builder().connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofMillis(500))
				.build();
	}

	private static S3Client client(final AwsCredentialsProvider credentials, final URI endpoint,
			final StoreOptions options) {
		return S3Clients.create(options, credentials, endpoint, S3Clients.FALLBACK_REGION);
	}

	private static byte[] bytes(final String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
