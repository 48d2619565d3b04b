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
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.testing.S3TestServer;
import org.openorganelle.fiji.testing.ScriptedHttpServer;

/** {@link HttpStore}: plain GETs and the S3 REST listing against s3proxy, failures against a scripted server. */
class HttpStoreTest {

	private static final String BUCKET = "httpstore-test";
	private static final String ODD_KEY = "odd/a b+c&d=\u00e9%.bin";
	private static final int MANY = 1100;
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration CONNECT = Duration.ofSeconds(10);

	private static S3TestServer server;

	@BeforeAll
	static void seed() {
		server = S3TestServer.shared();
		server.createBucket(BUCKET);
		server.put(BUCKET, "data.zarr/.zattrs", bytes("{}"));
		server.put(BUCKET, "data.zarr/s0/.zarray", bytes("{\"zarr_format\":2}"));
		server.put(BUCKET, "data.zarr/s0/0/0/0", new byte[] { 4, 5, 6 });
		server.put(BUCKET, ODD_KEY, new byte[] { 42 });
		for (int i = 0; i < MANY; i++) {
			server.put(BUCKET, String.format("many/k%05d", i), new byte[] { 1 });
			server.put(BUCKET, String.format("many/p%05d/x", i), new byte[] { 2 });
		}
	}

	@Test
	void getReadsExistingKeys() {
		final HttpStore store = store("data.zarr");
		assertArrayEquals(bytes("{\"zarr_format\":2}"), store.get("s0/.zarray").get());
		assertArrayEquals(new byte[] { 4, 5, 6 }, store.get("s0/0/0/0").get());
	}

	@Test
	void missingKeysAreAbsent() {
		final HttpStore store = store("data.zarr");
		assertEquals(Optional.empty(), store.get("s0/0/0/1"));
		assertEquals(Optional.empty(), store.get("s0/.zarray/below"));
	}

	@Test
	void missingBucketIsAPermanentError() {
		final HttpStore store = new HttpStore(CONNECT, URI.create(server.endpoint() + "/no-such-bucket/"), "", TIMEOUT);
		final StoreException e = assertThrows(StoreException.class, () -> store.get("x/.zattrs"));
		assertEquals(404, e.httpStatus());
		assertFalse(e.isRetryable());
		assertTrue(e.getMessage().contains(server.endpoint() + "/no-such-bucket/x/.zattrs"), e.getMessage());
		assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
		assertThrows(StoreException.class, () -> store.list(""));
	}

	@Test
	void keysArePercentEncoded() {
		final HttpStore store = store("");
		assertArrayEquals(new byte[] { 42 }, store.get(ODD_KEY).get());
		assertEquals(List.of("a b+c&d=\u00e9%.bin"), store.list("odd").objects());
		assertEquals(server.endpoint() + "/" + BUCKET + "/odd/a%20b%2Bc%26d%3D%C3%A9%25.bin", store.uri(ODD_KEY));
	}

	@Test
	void listReturnsChildNamesRelativeToThePrefix() {
		final HttpStore store = store("data.zarr");
		assertEquals(List.of("s0"), store.list("").prefixes());
		assertEquals(List.of(".zattrs"), store.list("").objects());
		assertEquals(List.of("0"), store.list("s0").prefixes());
		assertEquals(List.of(".zarray"), store.list("s0/").objects());
		assertTrue(store.list("nothing").isEmpty());
		assertEquals(List.of("data.zarr", "many", "odd"), store("").list("").prefixes());
	}

	@Test
	void listFollowsContinuationTokensPastOneThousandKeys() {
		final Listing listing = store("many").list("");
		assertEquals(MANY, listing.prefixes().size());
		assertEquals(MANY, listing.objects().size());
		assertEquals(String.format("p%05d", MANY - 1), listing.prefixes().get(MANY - 1));
		final Listing paged = new HttpStore(CONNECT, bucketUrl(), null, "many", TIMEOUT, 300).list("");
		assertEquals(listing.prefixes(), paged.prefixes());
		assertEquals(listing.objects(), paged.objects());
	}

	@Test
	void anonymousRequestsToACredentialedServerAreDenied() {
		final S3TestServer secured = S3TestServer.sharedCredentialed();
		secured.createBucket(BUCKET);
		secured.put(BUCKET, "private.zarr/.zattrs", bytes("{}"));
		final HttpStore store = new HttpStore(CONNECT, URI.create(secured.endpoint() + "/" + BUCKET + "/"), "private.zarr",
				TIMEOUT);
		final AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> store.get(".zattrs"));
		assertEquals(403, e.httpStatus());
		assertTrue(e.getMessage().contains(secured.endpoint() + "/" + BUCKET + "/private.zarr/.zattrs"), e.getMessage());
		assertThrows(AccessDeniedException.class, () -> store.list(""));
	}

	@Test
	void httpFailuresAreClassified() throws IOException {
		try (ScriptedHttpServer fake = new ScriptedHttpServer()) {
			final HttpStore store = new HttpStore(CONNECT, URI.create(fake.endpoint() + "/bkt/"), "root", TIMEOUT);
			fake.enqueue(ScriptedHttpServer.s3Error(403, "AccessDenied"), ScriptedHttpServer.s3Error(500,
					"InternalError"), ScriptedHttpServer.s3Error(503, "SlowDown"), ScriptedHttpServer.reply(429, ""),
					ScriptedHttpServer.s3Error(400, "InvalidRequest"), ScriptedHttpServer.reply(404, ""),
					ScriptedHttpServer.s3Error(404, "NoSuchKey"), ScriptedHttpServer.s3Error(404, "NoSuchBucket"));
			assertThrows(AccessDeniedException.class, () -> store.get("k"));
			assertFailure(store, 500, true);
			assertFailure(store, 503, true);
			assertFailure(store, 429, true);
			assertFailure(store, 400, false);
			assertEquals(Optional.empty(), store.get("k"));
			assertEquals(Optional.empty(), store.get("k"));
			assertFailure(store, 404, false);
			assertEquals("GET /bkt/root/k HTTP/1.1", fake.requests().get(0));
		}
	}

	@Test
	void truncatedBodiesAndTimeoutsAreRetryable() throws IOException {
		try (ScriptedHttpServer fake = new ScriptedHttpServer()) {
			final HttpStore store = new HttpStore(CONNECT, URI.create(fake.endpoint() + "/bkt/"), "", Duration.ofMillis(
					500));
			fake.enqueue(ScriptedHttpServer.reply(200, new byte[100]).truncatedAfter(40), ScriptedHttpServer.reply(200,
					new byte[100]).delayedBy(3000));
			final StoreException truncated = assertFailure(store, 0, true);
			assertTrue(truncated.getMessage().startsWith("Truncated answer for " + fake.endpoint()
					+ "/bkt/k: received 40 of 100 bytes"), truncated.getMessage());
			final StoreException timeout = assertFailure(store, 0, true);
			assertTrue(timeout.getMessage().contains("timed out"), timeout.getMessage());
		}
	}

	@Test
	void regionRedirectNamesTheRegion() throws IOException {
		try (ScriptedHttpServer fake = new ScriptedHttpServer()) {
			fake.enqueue(ScriptedHttpServer.s3Error(301, "PermanentRedirect").header("x-amz-bucket-region",
					"us-west-2"));
			final StoreException e = assertFailure(new HttpStore(CONNECT, URI.create(fake.endpoint() + "/bkt/"), "",
					TIMEOUT), 301, false);
			assertTrue(e.getMessage().contains("us-west-2"), e.getMessage());
		}
	}

	@Test
	void virtualHostStyleUrls() throws IOException {
		try (ScriptedHttpServer fake = new ScriptedHttpServer()) {
			final HttpStore store = new HttpStore(CONNECT, URI.create(fake.endpoint() + "/"), "root", TIMEOUT);
			fake.enqueue(ScriptedHttpServer.reply(200, "x"), listing("<IsTruncated>false</IsTruncated>"
					+ "<Contents><Key>root/s0/a</Key></Contents>"));
			assertArrayEquals(bytes("x"), store.get("s0/a").get());
			assertEquals(List.of("a"), store.list("s0").objects());
			assertEquals(List.of("GET /root/s0/a HTTP/1.1",
					"GET /?list-type=2&delimiter=%2F&prefix=root%2Fs0%2F HTTP/1.1"), fake.requests());
			assertEquals(fake.endpoint() + "/root/s0/a", store.uri("s0/a"));
		}
	}

	@Test
	void continuationTokensAreEncoded() throws IOException {
		try (ScriptedHttpServer fake = new ScriptedHttpServer()) {
			final HttpStore store = new HttpStore(CONNECT, URI.create(fake.endpoint() + "/bkt/"), "", TIMEOUT);
			fake.enqueue(listing("<IsTruncated>true</IsTruncated><NextContinuationToken>a+b/c==</NextContinuationToken>"
					+ "<CommonPrefixes><Prefix>p/</Prefix></CommonPrefixes>"), listing("<IsTruncated>false</IsTruncated>"
							+ "<Contents><Key>o</Key></Contents>"));
			final Listing listing = store.list("");
			assertEquals(List.of("p"), listing.prefixes());
			assertEquals(List.of("o"), listing.objects());
			assertEquals("GET /bkt?list-type=2&delimiter=%2F&prefix=&continuation-token=a%2Bb%2Fc%3D%3D HTTP/1.1",
					fake.requests().get(1));
		}
	}

	@Test
	void answersThatAreNoListingsAreRejected() throws IOException {
		try (ScriptedHttpServer fake = new ScriptedHttpServer()) {
			final HttpStore store = new HttpStore(CONNECT, URI.create(fake.endpoint() + "/bkt/"), "", TIMEOUT);
			fake.enqueue(ScriptedHttpServer.reply(200, "<html><body>Index of /</body></html>"),
					ScriptedHttpServer.reply(200, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM "
							+ "\"file:///etc/passwd\">]><ListBucketResult><Contents><Key>&x;</Key></Contents>"
							+ "</ListBucketResult>"), ScriptedHttpServer.reply(404, "Not found"));
			final StoreException html = assertThrows(StoreException.class, () -> store.list(""));
			assertTrue(html.getMessage().contains("not an S3 ListObjectsV2 result"), html.getMessage());
			final StoreException doctype = assertThrows(StoreException.class, () -> store.list(""));
			assertFalse(doctype.isRetryable());
			final StoreException missing = assertThrows(StoreException.class, () -> store.list(""));
			assertEquals(404, missing.httpStatus());
		}
	}

	private static ScriptedHttpServer.Reply listing(final String content) {
		return ScriptedHttpServer.reply(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns="
				+ "\"http://s3.amazonaws.com/doc/2006-03-01/\">" + content + "</ListBucketResult>");
	}

	private static HttpStore store(final String prefix) {
		return new HttpStore(CONNECT, bucketUrl(), prefix, TIMEOUT);
	}

	private static URI bucketUrl() {
		return URI.create(server.endpoint() + "/" + BUCKET + "/");
	}

	private static byte[] bytes(final String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
