package org.openorganelle.fiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.testing.CliRun;
import org.openorganelle.fiji.testing.FaultProxy;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.PublicBucket;

/**
 * Bad input to {@code openorganelle export}, one row a case: each gives exactly one clear
 * error line (naming what failed and, where it helps, what would be valid), a non-zero exit
 * code, writes nothing, and never sends a request outside the bucket's prefix. The export
 * talks to the bucket miniature on the loopback S3 server through a (fault-free) proxy that
 * logs every request.
 */
class BadInputTest {

	private static final String NACC = "jrc_mus-nacc-2";
	private static final String BROKEN = "s3://" + PublicBucket.NAME + "/broken-metadata.zarr";

	private static FaultProxy proxy;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() throws IOException {
		PublicBucket.server();
		uploadBrokenMetadata();
		proxy = FaultProxy.start(PublicBucket.server().endpoint());
	}

	@AfterAll
	static void stop() {
		proxy.close();
	}

	/**
	 * Containers whose level metadata is broken: {@code broken-metadata.zarr/<case>/s0} with the
	 * group attributes of a real image and a {@code .zarray} (or {@code .zattrs}) damaged.
	 */
	private static void uploadBrokenMetadata() throws IOException {
		final Path image = Fixtures.bucket().resolve(NACC + "/" + NACC + ".zarr/recon-2/em/fibsem-int16");
		final String zattrs = Files.readString(image.resolve(".zattrs"));
		final String zarray = Files.readString(image.resolve("s0/.zarray"));
		final Map<String, String[]> cases = Map.of(
				"truncated-zarray", new String[] { zattrs, zarray.substring(0, zarray.length() / 2) },
				"truncated-zattrs", new String[] { zattrs.substring(0, zattrs.length() / 2), zarray },
				"negative-shape", new String[] { zattrs, zarray.replaceFirst("\"shape\": \\[\\s*41", "\"shape\": [-41") },
				"zero-chunk", new String[] { zattrs, zarray.replaceFirst("\"chunks\": \\[\\s*16", "\"chunks\": [0") },
				"unknown-dtype", new String[] { zattrs, zarray.replace("\"<i2\"", "\"<q7\"") });
		for (final Map.Entry<String, String[]> c : cases.entrySet()) {
			final String prefix = "broken-metadata.zarr/" + c.getKey() + "/";
			assertTrue(!c.getValue()[1].equals(zarray) || !c.getValue()[0].equals(zattrs), c.getKey() + " is broken");
			PublicBucket.server().put(PublicBucket.NAME, prefix + ".zattrs", c.getValue()[0].getBytes(
					StandardCharsets.UTF_8));
			PublicBucket.server().put(PublicBucket.NAME, prefix + "s0/.zarray", c.getValue()[1].getBytes(
					StandardCharsets.UTF_8));
		}
	}

	private static Arguments row(final String name, final int code, final String message, final String... args) {
		return Arguments.of(name, code, message, List.of(args));
	}

	static Stream<Arguments> cases() {
		final int usage = 2;
		final int failure = OpenOrganelleCli.FAILURE;
		final int notFound = OpenOrganelleCli.NOT_FOUND;
		return Stream.of(
				// unknown names
				row("unknown dataset", notFound, "unknown dataset 'jrc_nope-1'", "--dataset", "jrc_nope-1"),
				row("unknown array", notFound, "unknown array 'recon-2/em/fibsem-int8'", "--dataset", NACC, "--array",
						"recon-2/em/fibsem-int8"),
				row("unknown level", notFound, "unknown level 's9'", "--dataset", NACC, "--level", "s9"),
				row("level that is no level name", notFound, "unknown level 'x'", "--dataset", NACC, "--level", "x"),
				// names that try to leave the bucket's prefix or carry control characters
				row("dataset ..", failure, "'..'", "--dataset", ".."),
				row("dataset ../x", failure, "'../jrc_mus-nacc-2'", "--dataset", "../" + NACC),
				row("dataset absolute path", failure, "'/etc'", "--dataset", "/etc"),
				row("dataset with .. inside", failure, "'jrc_hela-2/../jrc_mus-nacc-2'", "--dataset",
						"jrc_hela-2/../" + NACC),
				row("dataset URL-encoded ..", failure, "'%2e%2e'", "--dataset", "%2e%2e"),
				row("dataset with NUL", failure, "invalid dataset name 'jrc_mus-nacc-2\\u0000'", "--dataset",
						NACC + "\u0000"),
				row("dataset with newline", failure, "invalid dataset name 'jrc\\u000ahela'", "--dataset",
						"jrc\nhela"),
				row("array ../../", failure, "'../../etc/passwd'", "--dataset", NACC, "--array", "../../etc/passwd"),
				row("array absolute", failure, "'/recon-2/em'", "--dataset", NACC, "--array", "/recon-2/em"),
				row("array with .. inside", failure, "'recon-2/../../x'", "--dataset", NACC, "--array",
						"recon-2/../../x"),
				row("array URL-encoded ..", failure, "'%2e%2e/x'", "--dataset", NACC, "--array", "%2e%2e/x"),
				row("array with bell", failure, "control character", "--dataset", NACC, "--array", "recon-2/em\u0007"),
				row("level ../s0", failure, "'../s0'", "--dataset", NACC, "--level", "../s0"),
				row("level s0/../s1", failure, "'s0/../s1'", "--dataset", NACC, "--level", "s0/../s1"),
				row("level absolute", failure, "'/s0'", "--dataset", NACC, "--level", "/s0"),
				row("level with tab", failure, "control character", "--dataset", NACC, "--level", "s0\t"),
				// regions
				row("region with too few axes", failure, "invalid region '1:2': give 3", "--dataset", NACC, "--region", "1:2"),
				row("region not numbers", failure, "'a' is not a whole number", "--dataset", NACC, "--region", "a:b,c:d,e:f"),
				row("region reversed", failure, "region '5:2,:,:' is empty on z", "--dataset", NACC, "--region", "5:2,:,:"),
				row("region out of bounds", failure, "0:100000 is not within 0:5", "--dataset", NACC, "--region", "0:100000,:,:"),
				row("region negative", failure, "-1:2 is not within 0:5", "--dataset", NACC, "--region", "-1:2,:,:"),
				row("region with three parts", failure, "'1:2:3' is not start:stop", "--dataset", NACC, "--region", "1:2:3,:,:"),
				row("region-nm not numbers", failure, "invalid region in nm 'x:y,:,:'", "--dataset", NACC,
						"--region-nm", "x:y,:,:"),
				row("region and region-nm", usage, "mutually exclusive", "--dataset", NACC, "--region", ":,:,:",
						"--region-nm", ":,:,:"),
				// numbers
				row("workers 0", failure, "workers 0 is out of range: give 1 to 256", "--dataset", NACC, "--workers", "0"),
				row("workers negative", failure, "workers -3 is out of range", "--dataset", NACC, "--workers", "-3"),
				row("workers absurd", failure, "workers 100000 is out of range", "--dataset", NACC, "--workers", "100000"),
				row("workers not a number", usage, "'--workers': 'many' is not an int", "--dataset", NACC, "--workers", "many"),
				row("timeout negative", failure, "--timeout", "--dataset", NACC, "--timeout", "-5"),
				row("timeout absurd", failure, "--timeout 1.0E9 is out of range", "--dataset", NACC, "--timeout", "1e9"),
				row("timeout not a number", usage, "'--timeout': 'soon' is not a double", "--dataset", NACC, "--timeout", "soon"),
				row("request timeout 0", failure, "--request-timeout", "--dataset", NACC, "--request-timeout", "0"),
				row("retries negative", failure, "--retries", "--dataset", NACC, "--retries", "-1"),
				row("retries absurd", failure, "--retries", "--dataset", NACC, "--retries", "1000"),
				row("memory 0", failure, "--memory", "--dataset", NACC, "--memory", "0"),
				row("max-bytes not a size", failure, "invalid --max-bytes 'lots'", "--dataset", NACC, "--max-bytes", "lots"),
				// output
				row("output under /proc", failure, "/proc/openorganelle-test", "--dataset", NACC, "--output",
						"/proc/openorganelle-test"),
				row("output is a file", failure, "/proc/version", "--dataset", NACC, "--output", "/proc/version"),
				// addresses and endpoints
				row("s3-uri with another scheme", failure, "ftp://", "--s3-uri", "ftp://example.org/x", "--array", "a"),
				row("s3-uri without bucket", failure, "s3://", "--s3-uri", "s3://", "--array", "a"),
				row("s3-uri with a space", failure, "\"bucket name\" is not a valid S3 bucket name", "--s3-uri",
						"s3://bucket name/x.zarr", "--array", "a"),
				row("endpoint not a URL", failure, "--endpoint", "--dataset", NACC, "--endpoint", "not a url"),
				row("endpoint ftp", failure, "--endpoint", "--dataset", NACC, "--endpoint", "ftp://127.0.0.1:21"),
				row("endpoint unreachable", failure, "cannot connect to 127.0.0.1:", "--dataset", NACC, "--endpoint",
						"http://127.0.0.1:1", "--retries", "0"),
				row("profile and credentials", failure, "--profile and --credentials", "--dataset", NACC, "--profile",
						"lab", "--credentials"),
				// broken metadata in the store
				row("truncated .zarray", failure, BROKEN + "/truncated-zarray/s0/.zarray", "--s3-uri", BROKEN,
						"--array", "truncated-zarray", "--level", "s0"),
				row("truncated .zattrs", failure, BROKEN + "/truncated-zattrs/.zattrs", "--s3-uri", BROKEN,
						"--array", "truncated-zattrs", "--level", "s0"),
				row("negative shape", failure, BROKEN + "/negative-shape/s0/.zarray", "--s3-uri", BROKEN,
						"--array", "negative-shape", "--level", "s0"),
				row("zero chunk", failure, BROKEN + "/zero-chunk/s0/.zarray", "--s3-uri", BROKEN, "--array",
						"zero-chunk", "--level", "s0"),
				row("unknown dtype", failure, BROKEN + "/unknown-dtype/s0/.zarray", "--s3-uri", BROKEN, "--array",
						"unknown-dtype", "--level", "s0"));
	}

	/** Adds an option unless the case gives it. */
	private static void defaultOption(final List<String> args, final String option, final String value) {
		if (!args.contains(option))
			args.addAll(List.of(option, value));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void oneClearLineANonZeroExitAndNothingWritten(final String name, final int code, final String message,
			final List<String> args) throws IOException {
		final int before = proxy.log().size();
		final List<String> all = new ArrayList<>(List.of("export"));
		all.addAll(args);
		defaultOption(all, "--endpoint", proxy.endpoint().toString());
		defaultOption(all, "--output", dir.resolve("out").toString());
		if (all.contains("--dataset")) {
			defaultOption(all, "--array", "recon-2/em/fibsem-int16");
			defaultOption(all, "--level", "s3");
		}
		final CliRun run = CliRun.run(Map.of(), all.toArray(new String[0]));

		assertEquals(code, run.code, run.err);
		final List<String> lines = run.err.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
		final List<String> errors = lines.stream().filter(l -> l.startsWith("openorganelle: error: ")).collect(
				Collectors.toList());
		assertEquals(1, errors.size(), run.err);
		assertTrue(errors.get(0).contains(message), errors.get(0));
		assertEquals("", run.out);
		try (Stream<Path> files = Files.walk(dir)) {
			assertEquals(List.of(), files.filter(Files::isRegularFile).collect(Collectors.toList()));
		}
		for (final String request : proxy.log().subList(before, proxy.log().size()))
			assertTrue(request.matches("(GET|HEAD) /" + PublicBucket.NAME + "(/[^ ]*)?(\\?[^ ]*)? -> NONE")
					&& !request.contains("/../") && !request.toLowerCase().contains("%2e"), request);
	}
}
