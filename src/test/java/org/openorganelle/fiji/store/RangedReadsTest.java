package org.openorganelle.fiji.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.testing.FaultProxy;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.PublicBucket;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ranged reads (what sharded arrays need) from a local folder, over plain HTTP and signed
 * through the AWS SDK, against the real loopback S3 server: exactly the bytes asked for,
 * one request per range, suffixes, absent keys, ranges past the end, and damaged answers
 * retried like whole reads.
 */
class RangedReadsTest {

	private static final String KEY = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16/s0/0/0/0";

	private static StoreFactory factory;
	private static S3Client signed;
	private static byte[] stored;

	@BeforeAll
	static void open() throws IOException {
		factory = new StoreFactory();
		signed = S3Clients.create(StoreOptions.defaults(), StaticCredentialsProvider.create(AwsBasicCredentials.create(
				"AKIDRANGES", "ranges-secret")), PublicBucket.server().endpoint(), S3Clients.FALLBACK_REGION);
		stored = Files.readAllBytes(Fixtures.bucket().resolve(KEY));
		assertTrue(stored.length > 20_000, "a chunk of " + stored.length + " bytes");
	}

	@AfterAll
	static void close() {
		signed.close();
		factory.close();
	}

	static Stream<Arguments> stores() {
		return Stream.of(Arguments.of("local folder", (Function<Void, KeyValueStore>) v -> new FileStore(Fixtures
				.bucket())), Arguments.of("plain HTTP", (Function<Void, KeyValueStore>) v -> PublicBucket.open(factory,
						"")), Arguments.of("signed SDK", (Function<Void, KeyValueStore>) v -> new S3Store(signed,
								PublicBucket.NAME, "")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aRangeIsExactlyTheBytesAskedFor(final String kind, final Function<Void, KeyValueStore> open) {
		final KeyValueStore store = open.apply(null);
		final int n = stored.length;
		assertArrayEquals(Arrays.copyOfRange(stored, 0, 10), store.getRange(KEY, ByteRange.of(0, 10)).get());
		assertArrayEquals(Arrays.copyOfRange(stored, 1234, 1234 + 5678), store.getRange(KEY, ByteRange.of(1234, 5678))
				.get());
		assertArrayEquals(Arrays.copyOfRange(stored, n - 1, n), store.getRange(KEY, ByteRange.of(n - 1, 1)).get());
		assertArrayEquals(stored, store.getRange(KEY, ByteRange.of(0, n)).get());
		assertArrayEquals(Arrays.copyOfRange(stored, n - 16, n), store.getRange(KEY, ByteRange.suffix(16)).get(),
				"the last 16 bytes, as a shard index is read");
		assertFalse(store.getRange(KEY + "-absent", ByteRange.of(0, 4)).isPresent());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aRangePastTheEndIsAnErrorNamingTheKeyNeverAShorterAnswer(final String kind,
			final Function<Void, KeyValueStore> open) {
		final KeyValueStore store = open.apply(null);
		final int n = stored.length;
		for (final ByteRange range : List.of(ByteRange.of(n - 5, 10), ByteRange.of(n, 1), ByteRange.suffix(n + 1))) {
			final StoreException e = assertThrows(StoreException.class, () -> store.getRange(KEY, range), range
					.toString());
			assertFalse(e.isRetryable(), e.getMessage());
			assertTrue(e.getMessage().contains(store.uri(KEY)) && e.getMessage().contains("past its end"), e
					.getMessage());
		}
	}

	@Test
	void eachRangeIsOneRequestOfThatRange() {
		final List<String> log = new CopyOnWriteArrayList<>();
		final KeyValueStore store = factory.open(StoreAddress.parse("s3://" + PublicBucket.NAME), PublicBucket.options()
				.toBuilder().requestLog(log::add).build());
		store.getRange(KEY, ByteRange.of(100, 200));
		store.getRange(KEY, ByteRange.suffix(16));
		assertEquals(List.of("GET s3://" + PublicBucket.NAME + "/" + KEY + " (bytes 100-299) -> 200 bytes",
				"GET s3://" + PublicBucket.NAME + "/" + KEY + " (the last 16 bytes) -> 16 bytes"), log.stream().map(
						l -> l.replaceAll(" \\(\\d+ ms, attempt 1\\)$", "")).collect(Collectors.toList()));
	}

	@Test
	void damagedAnswersToRangesAreRetriedLikeWholeReads() throws Exception {
		final String level = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16/s0";
		final List<Path> chunks;
		try (Stream<Path> files = Files.walk(Fixtures.bucket().resolve(level))) {
			chunks = files.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))
					.collect(Collectors.toList());
		}
		assertTrue(chunks.size() > 20, chunks.size() + " chunks");
		try (FaultProxy proxy = FaultProxy.start(PublicBucket.server().endpoint())) {
			proxy.rule(FaultProxy.transientFaults(0.5, 2, 7));
			final KeyValueStore store = factory.open(StoreAddress.parse("s3://" + PublicBucket.NAME), StoreOptions
					.builder().endpoint(proxy.endpoint()).build());
			for (final Path chunk : chunks) {
				final String key = Fixtures.bucket().relativize(chunk).toString().replace('\\', '/');
				final byte[] bytes = Files.readAllBytes(chunk);
				assertArrayEquals(Arrays.copyOfRange(bytes, 10, bytes.length - 10), store.getRange(key, ByteRange.of(
						10, bytes.length - 20)).get(), key);
			}
			assertTrue(proxy.faults() > 10, proxy.faults() + " faults injected over " + chunks.size() + " ranges");
		}
	}
}
