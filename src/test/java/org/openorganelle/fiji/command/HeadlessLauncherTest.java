package org.openorganelle.fiji.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.ForkedRun;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;

/**
 * The headless launcher, in process and as its own JVM (real exit codes), running the
 * commands against the bucket miniature on a loopback S3 server.
 */
class HeadlessLauncherTest {

	private static final String NACC_EM = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16/";

	/** A run's exit code and what it printed. */
	private static final class Run {
		final int code;
		final String out;
		final String err;

		Run(final int code, final String out, final String err) {
			this.code = code;
			this.out = out;
			this.err = err;
		}
	}

	private static Run inProcess(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int code = HeadlessLauncher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static String exportArguments(final Path output, final String array) {
		return "dataset='jrc_mus-nacc-2',array='" + array + "',level='s2',output='" + output + "',workers=2,endpoint='"
				+ PublicBucket.server().endpoint() + "'";
	}

	private static List<String> lines(final String text) {
		return text.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
	}


	@Test
	void runsTheExportCommandAndPrintsTheWrittenFiles(@TempDir final Path dir) throws Exception {
		final Path output = dir.resolve("oo");
		final Run r = inProcess("--headless", "--run", ExportCommand.TITLE,
				exportArguments(output, "recon-2/em/fibsem-int16"));
		assertEquals(HeadlessLauncher.SUCCESS, r.code, r.err);
		final List<String> out = lines(r.out);
		assertEquals(2, out.size(), r.out);
		assertTrue(out.get(0).startsWith("volumes: " + output), r.out);
		assertTrue(out.get(1).startsWith("metadata: " + output), r.out);
		final Path npy = Path.of(out.get(0).substring("volumes: ".length()));
		assertArrayEquals(NpyFile.read(Fixtures.bucketExpected().resolve(NACC_EM + "s2.npy")).data,
				NpyFile.read(npy).data);
		assertTrue(Files.isRegularFile(Path.of(out.get(1).substring("metadata: ".length()))));
		assertTrue(r.err.contains("[INFO] wrote " + npy), r.err);
	}

	@Test
	void theWebsitesN5AddressOfALevelExportsWithoutAnArrayParameter(@TempDir final Path dir) throws Exception {
		final Path output = dir.resolve("oo");
		final Run r = inProcess("--headless", "--run", ExportCommand.TITLE, "address='s3://janelia-cosem-datasets/"
				+ "jrc_hela-2/jrc_hela-2.n5/em/fibsem-uint16/s2',level='',output='" + output + "',workers=2,endpoint='"
				+ PublicBucket.server().endpoint() + "'");
		assertEquals(HeadlessLauncher.SUCCESS, r.code, r.err);
		final List<String> out = lines(r.out);
		assertTrue(out.get(0).startsWith("volumes: " + output), r.out);
		final NpyFile npy = NpyFile.read(Path.of(out.get(0).substring("volumes: ".length())));
		assertEquals("<u2", npy.descr);
		assertArrayEquals(NpyFile.read(Fixtures.bucketExpected().resolve(
				"jrc_hela-2/jrc_hela-2.n5/em/fibsem-uint16/s2.npy")).data, npy.data);
	}

	@Test
	void aShardedZarrV3LevelExportsByteExact(@TempDir final Path dir) throws Exception {
		final Path output = dir.resolve("oo");
		final Run r = inProcess("--headless", "--run", ExportCommand.TITLE, "dataset='jrc_mosquito-stylet-6',array="
				+ "'recon-1/em/fibsem-uint8',level='s0',output='" + output + "',workers=2,endpoint='" + PublicBucket
						.server().endpoint() + "'");
		assertEquals(HeadlessLauncher.SUCCESS, r.code, r.err);
		final List<String> out = lines(r.out);
		assertTrue(out.get(0).startsWith("volumes: " + output), r.out);
		final NpyFile npy = NpyFile.read(Path.of(out.get(0).substring("volumes: ".length())));
		assertArrayEquals(NpyFile.read(Fixtures.bucketExpected().resolve(
				"jrc_mosquito-stylet-6/jrc_mosquito-stylet-6.zarr/recon-1/em/fibsem-uint8/s0.npy")).data, npy.data);
	}

	@Test
	void aFailedCommandExitsOneWithOneLineNamingTheUnknownArray(@TempDir final Path dir) throws Exception {
		final Path output = dir.resolve("oo");
		final Run r = inProcess("--headless", "--run", ExportCommand.TITLE,
				exportArguments(output, "recon-2/em/fibsem-int8"));
		assertEquals(HeadlessLauncher.FAILURE, r.code);
		assertEquals(1, lines(r.err).size(), r.err);
		assertTrue(r.err.contains("unknown array 'recon-2/em/fibsem-int8'"), r.err);
		assertEquals("", r.out);
		assertEquals(List.of(), Directories.files(output));
	}

	@Test
	void anUnknownCommandExitsOneSuggestingTheClosestTitles() {
		final Run r = inProcess("--headless", "--run", "OpenOrganelle Exprot...", "dataset='jrc_hela-2'");
		assertEquals(HeadlessLauncher.FAILURE, r.code);
		assertEquals(List.of("imagej: error: unknown command 'OpenOrganelle Exprot...'; did you mean: "
				+ ExportCommand.TITLE + ", " + ListCommand.TITLE), lines(r.err));
	}

	@Test
	void aCommandThatThrowsExitsOneWithOneLineInsteadOfAStackTrace() {
		final Run r = inProcess("--headless", "--run", ThrowingCommand.TITLE);
		assertEquals(HeadlessLauncher.FAILURE, r.code);
		assertEquals(List.of("imagej: error: " + ThrowingCommand.TITLE
				+ " failed: java.lang.IllegalStateException: a bug in the command"), lines(r.err));
	}

	@Test
	void commandsAreFoundByClassNameAndPrintTheirOnlyOutputAsItIs() {
		final Run r = inProcess("--run", ListCommand.class.getName(),
				"endpoint='" + PublicBucket.server().endpoint() + "',dataset='jrc_mus-nacc-2'");
		assertEquals(HeadlessLauncher.SUCCESS, r.code, r.err);
		assertEquals(List.of("recon-2/em/fibsem-int16", "recon-2/labels/inference/segmentations/nuc"), lines(r.out));
	}

	@Test
	void invalidLauncherArgumentsExitTwo() {
		final Run unquoted = inProcess("--headless", "--run", ListCommand.TITLE, "dataset=jrc_hela-2");
		assertEquals(HeadlessLauncher.USAGE, unquoted.code);
		assertTrue(unquoted.err.startsWith("imagej: error: cannot read the arguments \"dataset=jrc_hela-2\""),
				unquoted.err);
		assertEquals(HeadlessLauncher.USAGE, inProcess("--headless").code);
		assertEquals(HeadlessLauncher.USAGE, inProcess("-batch", "macro.ijm").code);
	}

	@Test
	void asItsOwnProcessItExitsZeroOnSuccessAndNonZeroOnFailure(@TempDir final Path dir) throws Exception {
		final Path output = dir.resolve("oo");
		final ForkedRun ok = ForkedRun.run(dir, HeadlessLauncher.class.getName(), "--headless", "--run", ExportCommand.TITLE,
				exportArguments(output, "recon-2/em/fibsem-int16"));
		assertEquals(0, ok.code, ok.err);
		assertEquals(2, Directories.files(output).size(), ok.out + ok.err);
		final ForkedRun failed = ForkedRun.run(dir, HeadlessLauncher.class.getName(), "--headless", "--run", ExportCommand.TITLE,
				exportArguments(dir.resolve("none"), "recon-2/em/fibsem-int8"));
		assertEquals(1, failed.code, failed.err);
		assertEquals(1, lines(failed.err).size(), failed.err);
		assertTrue(failed.err.contains("unknown array 'recon-2/em/fibsem-int8'"), failed.err);
		assertEquals(List.of(), Directories.files(dir.resolve("none")));
	}

	@Test
	void withoutTheSdksHttpClientAnAnonymousExportWorksAndASignedOneSaysWhichFijiItNeeds(@TempDir final Path dir)
			throws Exception {
		final List<File> classPath = new ArrayList<>();
		for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator))
			if (!new File(entry).getName().startsWith("apache5-client-"))
				classPath.add(new File(entry));
		final ForkedRun anonymous = ForkedRun.run(dir, classPath, HeadlessLauncher.class.getName(), "--headless",
				"--run", ExportCommand.TITLE, exportArguments(dir.resolve("anonymous"), "recon-2/em/fibsem-int16"));
		assertEquals(0, anonymous.code, anonymous.err);
		assertEquals(2, Directories.files(dir.resolve("anonymous")).size(), anonymous.out + anonymous.err);
		final ForkedRun signed = ForkedRun.run(dir, classPath, HeadlessLauncher.class.getName(), "--headless", "--run",
				ExportCommand.TITLE, exportArguments(dir.resolve("oo"), "recon-2/em/fibsem-int16") + ",profile='default'");
		assertEquals(1, signed.code, signed.err);
		assertEquals(1, lines(signed.err).size(), signed.err);
		assertTrue(signed.err.contains("software.amazon.awssdk.http.apache5.Apache5HttpClient is missing"), signed.err);
		assertTrue(signed.err.contains("Fiji 2.18 or newer"), signed.err);
		assertEquals(List.of(), Directories.files(dir.resolve("oo")));
	}
}
