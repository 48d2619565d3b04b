package org.openorganelle.fiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openorganelle.fiji.testing.SystemProperties;
import org.openorganelle.fiji.testing.CliRun;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.FaultProxy;
import org.openorganelle.fiji.testing.FaultProxy.Fault;
import org.openorganelle.fiji.testing.ReliabilityBucket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exports through a fault-injecting proxy in front of the loopback S3 server: the
 * reliability fixture (288 chunks of 8×16×16, 6 of them missing, written by zarr-python)
 * meets 500s, 503 SlowDown, resets, truncated and corrupted bodies, 403s and stalls. Every
 * outcome is asserted exactly: a byte-exact file, or one error naming the key and the
 * status with nothing left behind and a bounded number of requests.
 */
class FaultInjectionTest {

	private static final String BUCKET = ReliabilityBucket.NAME;
	private static final String IMAGE = ReliabilityBucket.CONTAINER + "/" + ReliabilityBucket.IMAGE + "/s0/";
	private static final int CHUNKS_PRESENT = 282;

	private static JsonNode expected;

	@TempDir
	Path output;

	private FaultProxy proxy;
	private final SystemProperties properties = new SystemProperties();

	@BeforeAll
	static void uploadTheFixture() {
		ReliabilityBucket.server();
		expected = ReliabilityBucket.expected();
	}

	@BeforeEach
	void startTheProxy() throws IOException {
		proxy = FaultProxy.start(ReliabilityBucket.server().endpoint());
	}

	@AfterEach
	void stopTheProxy() {
		proxy.close();
		properties.restore();
	}

	private CliRun export(final String... extra) {
		final List<String> args = new ArrayList<>(List.of("export", "--endpoint", proxy.endpoint().toString(),
				"--s3-uri", "s3://" + BUCKET + "/many-chunks.zarr", "--array", "em/fibsem-uint16", "--level", "s0",
				"--output", output.toString(), "--workers", "4", "--debug"));
		args.addAll(List.of(extra));
		return CliRun.run(Map.of(), args.toArray(new String[0]));
	}

	private long chunkRequests() {
		return proxy.log().stream().filter(l -> l.startsWith("GET /" + BUCKET + "/many-chunks.zarr/em/fibsem-uint16/s0/")
				&& !l.contains("/.z")).count();
	}

	private long requestsFor(final String chunk) {
		return proxy.log().stream().filter(l -> l.startsWith("GET /" + BUCKET
				+ "/many-chunks.zarr/em/fibsem-uint16/s0/" + chunk + " ")).count();
	}

	private List<String> errorLines(final CliRun run) {
		return run.err.lines().filter(l -> !l.startsWith("debug: ") && !l.startsWith("note: ") && !l.startsWith(
				"exporting ")).collect(Collectors.toList());
	}

	private void assertExportedExactly(final CliRun run) throws Exception {
		assertEquals(0, run.code, run.err);
		final List<Path> files = Directories.files(output);
		assertEquals(2, files.size(), files.toString());
		final byte[] npy = Files.readAllBytes(files.get(0));
		assertEquals(expected.get("npy_bytes").asLong(), npy.length);
		assertEquals(expected.get("npy_sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance(
				"SHA-256").digest(npy)), "byte-identical to numpy.save of zarr-python's read");
	}

	private void assertNothingWritten() {
		assertEquals(List.of(), Directories.files(output), "no .npy, .json or temporary file");
	}


	/** Anonymous reads go through plain HTTP; signed ones (any key: the server ignores it) through the AWS SDK. */
	@ParameterizedTest(name = "signed: {0}")
	@ValueSource(booleans = { false, true })
	void thirtyPercentTransientFaultsAreRetriedToAByteExactExport(final boolean signed) throws Exception {
		proxy.rule(FaultProxy.transientFaults(0.3, 2, 42));
		final CliRun run;
		if (signed) {
			properties.set("aws.accessKeyId", "AKIDFAULTTEST");
			properties.set("aws.secretAccessKey", "fault-test-secret");
			run = export("--credentials");
		} else {
			run = export();
		}
		assertExportedExactly(run);
		final long faults = proxy.faults();
		assertTrue(faults > 60, faults + " faults injected over " + chunkRequests() + " chunk requests");
		for (final Fault kind : FaultProxy.TRANSIENT)
			assertTrue(proxy.log().stream().anyMatch(l -> l.endsWith("-> " + kind)), kind + " was injected");
		// Java's HTTP client itself re-sends, at once, a GET whose reused connection was reset
		// before any byte of the answer; every other fault (and with the SDK, whose own retries
		// are off, every fault) is retried and logged by the store.
		final long resets = signed ? 0 : proxy.log().stream().filter(l -> l.endsWith("-> " + Fault.RESET)).count();
		final long retryLines = run.err.lines().filter(l -> l.startsWith("debug: retry GET " + IMAGE)).count();
		assertTrue(retryLines >= faults - resets && retryLines <= faults, retryLines + " retries logged for " + faults
				+ " faults, " + resets + " of them resets");
		assertTrue(run.err.lines().anyMatch(l -> l.matches("debug: [0-9]+ requests, " + retryLines + " retries")),
				run.err.lines().reduce((a, b) -> b).orElse(""));
		assertEquals(CHUNKS_PRESENT + expected.get("missing_chunks").size() + faults, chunkRequests(),
				"each chunk read once, plus one request per fault");
	}

	@Test
	void overPlainHttpTransientFaultsAndCorruptionAreRetriedToo() throws Exception {
		final FaultProxy.Rule transients = FaultProxy.transientFaults(0.3, 2, 7);
		proxy.rule(r -> r.path().endsWith("/s0/6/5/4") && r.previous == 0 ? Fault.CORRUPT : transients.apply(r));
		final CliRun run = CliRun.run(Map.of(), "export", "--s3-uri", proxy.endpoint() + "/" + BUCKET
				+ "/many-chunks.zarr", "--array", "em/fibsem-uint16", "--level", "s0", "--output", output.toString(),
				"--debug");
		assertExportedExactly(run);
		assertTrue(proxy.faults() > 60, proxy.faults() + " faults");
		assertTrue(run.err.contains("-> failed: Corrupted answer for " + proxy.endpoint() + "/" + BUCKET
				+ "/many-chunks.zarr/em/fibsem-uint16/s0/6/5/4: the MD5"), run.err);
	}

	@Test
	void aChunkFailingEveryTimeStopsTheExportAfterBoundedRetriesNamingItsKeyAndStatus() {
		proxy.rule(r -> r.path().endsWith("/s0/0/1/2") ? Fault.INTERNAL_ERROR : Fault.NONE);
		final CliRun run = export("--retries", "3");
		assertEquals(OpenOrganelleCli.FAILURE, run.code, run.err);
		assertEquals(List.of("openorganelle: error: Request for " + IMAGE + "0/1/2 failed: HTTP 500 InternalError "
				+ "(temporary) (gave up after 4 attempts)"), errorLines(run));
		assertEquals(4, requestsFor("0/1/2"), "1 attempt + 3 retries, no more");
		assertTrue(chunkRequests() < CHUNKS_PRESENT / 2, chunkRequests() + " chunk requests: the export stopped "
				+ "instead of reading on");
		assertNothingWritten();
	}

	@Test
	void slowDownIsRetriedAndNamedWhenItPersists() {
		proxy.rule(r -> r.path().endsWith("/s0/1/0/0") ? Fault.SLOW_DOWN : Fault.NONE);
		final CliRun run = export("--retries", "2");
		assertEquals(OpenOrganelleCli.FAILURE, run.code, run.err);
		assertEquals(List.of("openorganelle: error: Request for " + IMAGE + "1/0/0 failed: HTTP 503 SlowDown "
				+ "(temporary) (gave up after 3 attempts)"), errorLines(run));
		assertEquals(3, requestsFor("1/0/0"));
		assertNothingWritten();
	}

	@Test
	void aBodyCorruptedOnTheWayIsCaughtByItsEtagAndRetried() throws Exception {
		proxy.rule(r -> r.path().endsWith("/s0/2/3/4") && r.previous == 0 ? Fault.CORRUPT : Fault.NONE);
		final CliRun run = export();
		assertExportedExactly(run);
		assertEquals(2, requestsFor("2/3/4"));
		assertTrue(run.err.contains("debug: GET " + IMAGE + "2/3/4 -> failed: Corrupted answer for " + IMAGE
				+ "2/3/4: the MD5 of the "), run.err);
	}

	@Test
	void aBodyCorruptedEveryTimeIsNeverExported() {
		proxy.rule(r -> r.path().endsWith("/s0/2/3/4") ? Fault.CORRUPT : Fault.NONE);
		final CliRun run = export("--retries", "1");
		assertEquals(OpenOrganelleCli.FAILURE, run.code, run.err);
		final List<String> errors = errorLines(run);
		assertEquals(1, errors.size(), run.err);
		assertTrue(errors.get(0).startsWith("openorganelle: error: Corrupted answer for " + IMAGE
				+ "2/3/4: the MD5 of the "), errors.get(0));
		assertTrue(errors.get(0).endsWith("(temporary) (gave up after 2 attempts)"), errors.get(0));
		assertNothingWritten();
	}

	@Test
	void accessDeniedOnDataIsAClearErrorNeverAMissingChunk() {
		proxy.rule(r -> r.path().endsWith("/s0/3/2/1") ? Fault.ACCESS_DENIED : Fault.NONE);
		final CliRun run = export();
		assertEquals(OpenOrganelleCli.FAILURE, run.code, run.err);
		final List<String> errors = errorLines(run);
		assertEquals(1, errors.size(), run.err);
		assertTrue(errors.get(0).startsWith("openorganelle: error: Access denied to " + IMAGE + "3/2/1"), errors.get(0));
		assertTrue(errors.get(0).contains("--profile"), errors.get(0));
		assertEquals(1, requestsFor("3/2/1"), "not retried");
		assertNothingWritten();
	}

	@Test
	void aStalledResponseTimesOutAndIsRetried() throws Exception {
		proxy.stall(Duration.ofSeconds(3)).rule(r -> r.path().endsWith("/s0/4/4/4") && r.previous == 0 ? Fault.STALL
				: Fault.NONE);
		final CliRun run = export("--request-timeout", "0.5");
		assertExportedExactly(run);
		assertEquals(2, requestsFor("4/4/4"));
		assertTrue(run.err.contains("debug: retry GET " + IMAGE + "4/4/4 in "), run.err);
	}

	@Test
	void theWholeExportTimeoutHoldsWhileAChunkStalls() {
		proxy.stall(Duration.ofSeconds(20)).rule(r -> r.path().endsWith("/s0/0/0/1") ? Fault.STALL : Fault.NONE);
		final CliRun run = export("--request-timeout", "10", "--timeout", "1");
		assertEquals(OpenOrganelleCli.FAILURE, run.code, run.err);
		assertEquals(List.of("openorganelle: error: export timed out after 1 s (--timeout); no files were written"),
				errorLines(run));
		assertNothingWritten();
	}
}
