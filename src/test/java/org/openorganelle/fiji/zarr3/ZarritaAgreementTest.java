package org.openorganelle.fiji.zarr3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.testing.Fixtures;

/**
 * The independent implementation agrees with every Zarr v3 fixture: zarrita 0.7.5 (npm,
 * installed by {@code npm ci --prefix scripts/fixtures/zarrita}, which {@code .ci/run} does)
 * reads each unsharded, sharded and zarrita-written array and the jrc_mosquito-stylet-6
 * miniature back and must find the values of its {@code .npy} ({@code verify.mjs}, which
 * also checks every crc32c and zstd checksum flag itself). Where Node or the packages are
 * missing it is skipped, saying why, unless {@code OPENORGANELLE_REQUIRE_ZARRITA=1} (set by
 * {@code .ci/run}) makes that a failure.
 */
class ZarritaAgreementTest {

	private static final Path SCRIPTS = Path.of("scripts/fixtures/zarrita");
	private static final List<String> FIXTURES = List.of("zarr3", "zarr3-sharded", "zarr3-zarrita",
			"bucket-expected/jrc_mosquito-stylet-6");

	private static final boolean REQUIRED = "1".equals(System.getenv("OPENORGANELLE_REQUIRE_ZARRITA"));

	/** A missing prerequisite: a failure in CI, a skip elsewhere. */
	private static void need(final boolean present, final String why) {
		if (REQUIRED)
			assertTrue(present, why);
		else
			assumeTrue(present, why);
	}

	@Test
	void zarritaReadsEveryV3FixtureAsItsNpy() throws IOException, InterruptedException {
		need(Files.isDirectory(SCRIPTS.resolve("node_modules/zarrita")), "zarrita is not installed: run npm ci "
				+ "--prefix " + SCRIPTS);
		final List<String> command = new ArrayList<>(List.of("node", SCRIPTS.resolve("verify.mjs").toString()));
		FIXTURES.forEach(f -> command.add(Fixtures.root().resolve(f).toString()));
		final Process node;
		try {
			node = new ProcessBuilder(command).redirectErrorStream(true).start();
		} catch (final IOException e) {
			need(false, "node cannot be started: " + e.getMessage());
			return;
		}
		final byte[] output = node.getInputStream().readAllBytes();
		assertTrue(node.waitFor(120, TimeUnit.SECONDS), "verify.mjs did not finish");
		final String report = new String(output, StandardCharsets.UTF_8);
		assertEquals(0, node.exitValue(), report);
		final int expected = FIXTURES.stream().mapToInt(ZarritaAgreementTest::entries).sum();
		assertTrue(report.contains("zarrita: " + expected + " passed, 0 failed, 0 skipped"), report);
	}

	private static int entries(final String fixture) {
		try {
			return Fixtures.index(fixture + "/index.json").size();
		} catch (final IOException e) {
			throw new IllegalStateException("cannot read the index of " + fixture, e);
		}
	}
}
