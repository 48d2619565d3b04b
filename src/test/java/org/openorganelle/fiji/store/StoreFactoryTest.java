package org.openorganelle.fiji.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.testing.SystemProperties;
import org.openorganelle.fiji.testing.S3TestServer;
import org.openorganelle.fiji.testing.ScriptedHttpServer;

/** Which store an address opens, with which credentials, and retries and logging end to end. */
class StoreFactoryTest {

	private static final String BUCKET = "factory-test";

	private final SystemProperties properties = new SystemProperties();
	private final List<String> log = new ArrayList<>();

	@BeforeAll
	static void seed() {
		for (final S3TestServer server : new S3TestServer[] { S3TestServer.shared(), S3TestServer.sharedCredentialed() }) {
			server.createBucket(BUCKET);
			server.put(BUCKET, "data.zarr/.zattrs", bytes("{}"));
			server.put(BUCKET, "data.zarr/s0/.zarray", bytes("{\"zarr_format\":2}"));
		}
	}

	@AfterEach
	void restoreProperties() {
		properties.restore();
	}

	@Test
	void anonymousS3AddressesUsePlainGetsAndKeepTheirS3Uris() {
		final StoreOptions options = StoreOptions.builder().endpoint(S3TestServer.shared().endpoint()).environment(Map
				.of()).requestLog(log::add).build();
		try (StoreFactory factory = new StoreFactory()) {
			final KeyValueStore store = factory.open(StoreAddress.parse("s3://" + BUCKET + "/data.zarr"), options);
			assertEquals("s3://" + BUCKET + "/data.zarr/s0/.zarray", store.uri("s0/.zarray"));
			assertArrayEquals(bytes("{}"), store.get(".zattrs").get());
			assertEquals(List.of("s0"), store.list("").prefixes());
		}
		assertEquals(2, log.size());
		assertTrue(log.get(1).startsWith("LIST s3://" + BUCKET + "/data.zarr -> 1 prefixes, 1 objects ("), log.get(1));
	}

	@Test
	void s3AddressesAreSignedBySdkOnlyWithCredentials(@TempDir final Path dir) throws IOException {
		useCredentialsFile(dir, "[reader]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n");
		try (ScriptedHttpServer server = new ScriptedHttpServer(); StoreFactory factory = new StoreFactory()) {
			server.enqueue(ScriptedHttpServer.reply(200, "{}"), ScriptedHttpServer.reply(200, "{}"));
			final StoreAddress address = StoreAddress.parse("s3://" + BUCKET + "/data.zarr");
			final StoreOptions anonymous = StoreOptions.builder().endpoint(server.endpoint()).environment(Map.of())
					.build();
			factory.open(address, anonymous).get(".zattrs");
			factory.open(address, StoreOptions.builder().endpoint(server.endpoint()).environment(Map.of()).profile(
					"reader").build()).get(".zattrs");
			assertEquals(List.of("GET /" + BUCKET + "/data.zarr/.zattrs HTTP/1.1", "GET /" + BUCKET
					+ "/data.zarr/.zattrs HTTP/1.1"), server.requests());
			final String plain = server.heads().get(0).toLowerCase(Locale.ROOT);
			final String signed = server.heads().get(1).toLowerCase(Locale.ROOT);
			assertFalse(plain.contains("authorization:") || plain.contains("aws-sdk"), plain);
			assertTrue(signed.contains("authorization: aws4-hmac-sha256 credential=akidexample/"), signed);
		}
	}

	@Test
	void anonymousHttpAddressesUsePlainGets() {
		final String url = S3TestServer.shared().endpoint() + "/" + BUCKET + "/data.zarr";
		try (StoreFactory factory = new StoreFactory()) {
			final KeyValueStore store = factory.open(StoreAddress.parse(url), StoreOptions.defaults());
			assertEquals(url + "/.zattrs", store.uri(".zattrs"));
			assertArrayEquals(bytes("{\"zarr_format\":2}"), store.get("s0/.zarray").get());
			assertEquals(List.of(".zattrs"), store.list("").objects());
		}
	}

	@Test
	void credentialedHttpAddressesUseTheSdkWithAProfile(@TempDir final Path dir) throws IOException {
		final S3TestServer secured = S3TestServer.sharedCredentialed();
		useCredentialsFile(dir, "[oo-test]\naws_access_key_id = " + secured.accessKey() + "\naws_secret_access_key = "
				+ secured.secretKey() + "\n");
		final StoreAddress address = StoreAddress.parse(secured.endpoint() + "/" + BUCKET + "/data.zarr");
		final StoreOptions options = StoreOptions.builder().profile("oo-test").requestLog(log::add).build();
		try (StoreFactory factory = new StoreFactory()) {
			final KeyValueStore store = factory.open(address, options);
			assertEquals("s3://" + BUCKET + "/data.zarr/.zattrs", store.uri(".zattrs"));
			assertArrayEquals(bytes("{}"), store.get(".zattrs").get());
			assertEquals(List.of("s0"), store.list("").prefixes());
			final AccessDeniedException anonymous = assertThrows(AccessDeniedException.class, () -> factory.open(
					address, StoreOptions.builder().maxAttempts(1).build()).get(".zattrs"));
			assertEquals(403, anonymous.httpStatus());
		}
		assertSecretsNotIn(secured, log);
	}

	@Test
	void wrongSecretIsDeniedWithoutShowingIt(@TempDir final Path dir) throws IOException {
		final S3TestServer secured = S3TestServer.sharedCredentialed();
		useCredentialsFile(dir, "[wrong]\naws_access_key_id = " + secured.accessKey()
				+ "\naws_secret_access_key = not-the-secret-xyz\n");
		final StoreOptions options = StoreOptions.builder().profile("wrong").endpoint(secured.endpoint()).requestLog(
				log::add).build();
		try (StoreFactory factory = new StoreFactory()) {
			final KeyValueStore store = factory.open(StoreAddress.parse("s3://" + BUCKET + "/data.zarr"), options);
			final AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> store.get(".zattrs"));
			assertFalse(e.getMessage().contains("not-the-secret-xyz"), e.getMessage());
			assertTrue(e.getMessage().contains("s3://" + BUCKET + "/data.zarr/.zattrs"), e.getMessage());
		}
		assertEquals(1, log.size(), "access denied is not retried");
		assertFalse(log.get(0).contains("not-the-secret-xyz"), log.get(0));
	}

	@Test
	void missingProfileIsAPermanentErrorNamingIt(@TempDir final Path dir) throws IOException {
		useCredentialsFile(dir, "[other]\naws_access_key_id = a\naws_secret_access_key = b\n");
		final StoreOptions options = StoreOptions.builder().profile("no-such-profile").endpoint(S3TestServer.shared()
				.endpoint()).build();
		try (StoreFactory factory = new StoreFactory()) {
			final KeyValueStore store = factory.open(StoreAddress.parse("s3://" + BUCKET + "/data.zarr"), options);
			final StoreException e = assertThrows(StoreException.class, () -> store.get(".zattrs"));
			assertFalse(e.isRetryable());
			assertTrue(e.getMessage().contains("no-such-profile"), e.getMessage());
			assertTrue(e.getMessage().contains("s3://" + BUCKET + "/data.zarr/.zattrs"), e.getMessage());
		}
	}

	@Test
	void defaultChainReadsSystemProperties() {
		final S3TestServer secured = S3TestServer.sharedCredentialed();
		properties.set("aws.accessKeyId", secured.accessKey());
		properties.set("aws.secretAccessKey", secured.secretKey());
		final StoreOptions options = StoreOptions.builder().defaultCredentialsChain().endpoint(secured.endpoint())
				.requestLog(log::add).build();
		try (StoreFactory factory = new StoreFactory()) {
			final KeyValueStore store = factory.open(StoreAddress.parse("s3://" + BUCKET + "/data.zarr"), options);
			assertArrayEquals(bytes("{}"), store.get(".zattrs").get());
		}
		assertSecretsNotIn(secured, log);
	}

	@Test
	void transientFailuresAreRetriedForS3AndHttpAddresses() throws IOException {
		try (ScriptedHttpServer fake = new ScriptedHttpServer(); StoreFactory factory = new StoreFactory()) {
			final StoreOptions options = StoreOptions.builder().endpoint(fake.endpoint()).backoff(Duration.ofMillis(1),
					Duration.ofMillis(5)).requestLog(log::add).build();
			for (final String address : new String[] { "s3://bkt/root", fake.endpoint() + "/bkt/root" }) {
				log.clear();
				fake.enqueue(ScriptedHttpServer.s3Error(500, "InternalError"), ScriptedHttpServer.s3Error(503,
						"SlowDown"), ScriptedHttpServer.reply(200, "chunk"));
				assertArrayEquals(bytes("chunk"), factory.open(StoreAddress.parse(address), options).get("k").get());
				assertEquals(5, log.size(), String.join("\n", log));
				assertTrue(log.get(1).startsWith("retry GET "), log.get(1));
				assertTrue(log.get(4).endsWith("ms, attempt 3)"), log.get(4));
			}
			assertEquals(6, fake.requests().size());
		}
	}

	@Test
	void localPathsOpenFileStores(@TempDir final Path dir) throws IOException {
		Files.write(dir.resolve(".zattrs"), bytes("{}"));
		try (StoreFactory factory = new StoreFactory()) {
			final KeyValueStore store = factory.open(StoreAddress.parse(dir.toString()), StoreOptions.defaults());
			assertArrayEquals(bytes("{}"), store.get(".zattrs").get());
			assertEquals(dir.resolve(".zattrs").toUri().toString(), store.uri(".zattrs"));
		}
	}

	@Test
	void closedFactoryOpensNothing() {
		final StoreFactory factory = new StoreFactory();
		factory.close();
		assertThrows(OpenOrganelleException.class, () -> factory.open(StoreAddress.parse("s3://bucket"), StoreOptions
				.defaults()));
	}

	@Test
	void invalidEndpointVariableIsReported() {
		final StoreOptions options = StoreOptions.builder().environment(Map.of(StoreOptions.ENDPOINT_S3_VARIABLE,
				"localhost:9000")).build();
		try (StoreFactory factory = new StoreFactory()) {
			final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> factory.open(StoreAddress
					.parse("s3://bucket"), options));
			assertTrue(e.getMessage().contains(StoreOptions.ENDPOINT_S3_VARIABLE), e.getMessage());
		}
	}

	private void useCredentialsFile(final Path dir, final String content) throws IOException {
		final Path credentials = Files.write(dir.resolve("credentials"), bytes(content));
		final Path config = Files.write(dir.resolve("config"), new byte[0]);
		properties.set("aws.sharedCredentialsFile", credentials.toString());
		properties.set("aws.configFile", config.toString());
	}

	private static void assertSecretsNotIn(final S3TestServer secured, final List<String> lines) {
		assertFalse(lines.isEmpty());
		for (final String line : lines) {
			assertFalse(line.contains(secured.secretKey()), line);
			assertFalse(line.contains(secured.accessKey()), line);
		}
	}

	private static byte[] bytes(final String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
