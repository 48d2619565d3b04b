package org.openorganelle.fiji.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.FaultProxy;
import org.openorganelle.fiji.testing.FaultProxy.Fault;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.testing.ReliabilityBucket;

import com.sun.management.UnixOperatingSystemMXBean;

/**
 * Exports as a Fiji user or a script runs them: several at once in one JVM (all correct,
 * nothing shared between them), and many in a row, failures included, without leaking
 * threads, connections or file handles.
 */
class ConcurrencyAndResourcesTest {

	private static final String NACC = "jrc_mus-nacc-2";
	private static final String EM = "recon-2/em/fibsem-int16";
	private static final String LABELS = "recon-2/labels/inference/segmentations/nuc";

	/** One export through the plain Java API, with its own store factory, as the Fiji commands do. */
	private static List<ExportResult> export(final StoreOptions options, final String dataset, final String address,
			final String array, final String level, final Path output) {
		try (StoreFactory stores = new StoreFactory()) {
			final Container container = DatasetLocator.open(stores, options, dataset, address);
			return ExportPlan.resolve(container, dataset, List.of(array), level, null, null, null, output).run(
					ExportOptions.defaults().withWorkers(3), r -> {
					});
		}
	}

	private static String sha256(final Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	@Test
	void severalExportsAtOnceInOneJvmAreEachCorrect(@TempDir final Path dir) throws Exception {
		final StoreOptions bucket = PublicBucket.options();
		final StoreOptions reliability = StoreOptions.builder().endpoint(ReliabilityBucket.server().endpoint()).build();
		final List<Callable<Void>> jobs = new ArrayList<>();
		final List<String[]> levels = List.of(new String[] { EM, "s0" }, new String[] { EM, "s1" }, new String[] {
				EM, "s2" }, new String[] { EM, "s3" }, new String[] { LABELS, "s0" }, new String[] { LABELS, "s1" });
		for (final String[] level : levels) {
			final Path out = dir.resolve("job" + jobs.size());
			jobs.add(() -> {
				final ExportResult r = export(bucket, NACC, null, level[0], level[1], out).get(0);
				final Path expected = Fixtures.bucketExpected().resolve(NACC + "/" + NACC + ".zarr/" + level[0] + "/"
						+ level[1] + ".npy");
				assertArrayEquals(NpyFile.read(expected).data, NpyFile.read(r.npy()).data, expected.toString());
				return null;
			});
		}
		for (int i = 0; i < 2; i++) {
			final Path out = dir.resolve("job" + jobs.size());
			jobs.add(() -> {
				final ExportResult r = export(reliability, null, ReliabilityBucket.CONTAINER, ReliabilityBucket.IMAGE,
						"s0", out).get(0);
				assertEquals(ReliabilityBucket.expected().get("npy_sha256").asText(), sha256(r.npy()));
				return null;
			});
		}
		final ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
		try {
			for (final Future<Void> f : pool.invokeAll(jobs))
				f.get();
		} finally {
			pool.shutdownNow();
		}
		for (int i = 0; i < jobs.size(); i++)
			assertEquals(2, Directories.files(dir.resolve("job" + i)).size(), "job " + i + " wrote its .npy and .json");
	}

	@Test
	void manyExportsFailuresIncludedLeakNoThreadsConnectionsOrFileHandles(@TempDir final Path dir)
			throws Exception {
		try (FaultProxy proxy = FaultProxy.start(ReliabilityBucket.server().endpoint())) {
			final AtomicBoolean failing = new AtomicBoolean();
			proxy.rule(r -> failing.get() && r.path().endsWith("/s0/3/3/3") ? Fault.INTERNAL_ERROR : Fault.NONE);
			final StoreOptions viaProxy = StoreOptions.builder().endpoint(proxy.endpoint()).maxAttempts(2).build();
			final StoreOptions bucket = PublicBucket.options();
			final AtomicInteger rounds = new AtomicInteger();
			final Runnable round = () -> {
				final Path ok = dir.resolve("ok" + rounds.getAndIncrement());
				export(bucket, NACC, null, EM, "s1", ok);
				export(viaProxy, null, ReliabilityBucket.CONTAINER, ReliabilityBucket.IMAGE, "s0", ok);
				assertThrows(OpenOrganelleException.class, () -> export(bucket, NACC, null, "recon-2/em/no-such",
						"s1", dir.resolve("failed")));
				failing.set(true);
				assertThrows(OpenOrganelleException.class, () -> export(viaProxy, null, ReliabilityBucket.CONTAINER,
						ReliabilityBucket.IMAGE, "s0", dir.resolve("failed")));
				failing.set(false);
				assertEquals(4, Directories.files(ok).size());
			};
			round.run();
			final Set<Thread> before = Thread.getAllStackTraces().keySet();
			final long files = openFileDescriptors();
			for (int i = 0; i < 6; i++)
				round.run();
			assertEquals(List.of(), settledNewThreads(before), "threads the 24 exports left running");
			assertTrue(openFileDescriptors() <= files + 2, "open file descriptors (files and sockets): "
					+ openFileDescriptors() + " after, " + files + " before");
			assertEquals(List.of(), Directories.files(dir.resolve("failed")));
		}
	}

	/**
	 * The live threads not in {@code before}, once exiting threads are gone (up to 5 s),
	 * but for the test's own servers: the proxy's, its HTTP client's and s3proxy's pools.
	 */
	private static List<String> settledNewThreads(final Set<Thread> before) throws InterruptedException {
		List<String> left = List.of();
		for (int i = 0; i < 100; i++) {
			left = Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !before.contains(t))
					.map(Thread::getName).filter(n -> !n.startsWith("fault-proxy") && !n.startsWith("HttpClient-")
							&& !n.startsWith("S3Proxy-")).sorted().collect(Collectors.toList());
			if (left.isEmpty())
				break;
			Thread.sleep(50);
		}
		return left;
	}

	private static long openFileDescriptors() {
		return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
	}
}
