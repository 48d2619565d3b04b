package org.openorganelle.fiji.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.ForkedRun;
import org.openorganelle.fiji.testing.PluginJar;
import org.openorganelle.fiji.testing.PublicBucket;

/**
 * {@code imagej -batch}: macros run by ImageJ 1 patched for headless use, in a JVM of their
 * own whose class path holds the plugin jar (registered from its {@code plugins.config}),
 * against the bucket miniature on the loopback S3 server; the exit code tells whether the
 * macro ran to its end.
 */
class MacroLauncherTest {

	@TempDir
	static Path plugins;

	private static List<File> classPath;

	@BeforeAll
	static void buildThePluginJar() throws Exception {
		classPath = PluginJar.classPath(PluginJar.build(plugins), true);
	}

	private static ForkedRun batch(final Path dir, final String macro, final String... argument) throws Exception {
		final Path file = dir.resolve("macro.ijm");
		Files.writeString(file, macro);
		return batch(dir, file, argument);
	}

	private static ForkedRun batch(final Path dir, final Path file, final String... argument) throws Exception {
		final String[] args = new String[2 + argument.length];
		args[0] = "-batch";
		args[1] = file.toString();
		System.arraycopy(argument, 0, args, 2, argument.length);
		return ForkedRun.run(dir, classPath, MacroLauncher.class.getName(), args);
	}

	private static String endpoint() {
		return "endpoint=" + PublicBucket.server().endpoint();
	}


	@Test
	void runsTheExampleMacroWithItsArgumentAndExitsZero(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("oo");
		final ForkedRun run = batch(dir, ExampleMacro.FILE, "output=" + out + " " + endpoint());
		assertEquals(MacroLauncher.SUCCESS, run.code, run.err);
		ExampleMacro.assertExported(out);
		assertEquals(2, run.out.lines().filter(l -> l.startsWith("OpenOrganelle: wrote " + out)).count(), run.out);
	}

	@Test
	void aFailedExportAbortsTheMacroAndExitsOne(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("oo");
		final ForkedRun run = batch(dir, "run(\"OpenOrganelle Export...\", \"dataset=jrc_mus-nacc-2 "
				+ "array=recon-2/em/fibsem-int8 level=s2 output=" + out + " \" + getArgument());\nprint(\"after\");\n",
				endpoint());
		assertEquals(MacroLauncher.FAILURE, run.code, run.err);
		assertTrue(run.err.contains("unknown array 'recon-2/em/fibsem-int8'"), run.err);
		assertTrue(run.err.endsWith("imagej: error: the macro " + dir.resolve("macro.ijm")
				+ " was aborted by the error above\n"), run.err);
		assertEquals("", run.out, "the macro went on after the error");
		assertEquals(List.of(), Directories.files(out));
	}

	@Test
	void macroErrorsExitOneAndExitEndsAMacroNormally(@TempDir final Path dir) throws Exception {
		final ForkedRun unknown = batch(dir, "run(\"No Such Command\");\n");
		assertEquals(MacroLauncher.FAILURE, unknown.code, unknown.err);
		assertTrue(unknown.err.contains("Unrecognized command: \"No Such Command\""), unknown.err);
		final ForkedRun exit = batch(dir, "print(getArgument());\nexit;\nprint(\"not reached\");\n", "an argument");
		assertEquals(MacroLauncher.SUCCESS, exit.code, exit.err);
		assertEquals("an argument\n", exit.out);
	}

	@Test
	void invalidArgumentsExitTwoWithoutStartingImageJ(@TempDir final Path dir) {
		assertEquals(List.of("imagej: error: no macro given", "usage: imagej [--headless] -batch MACRO.ijm [ARGUMENT]"),
				usage());
		assertEquals("imagej: error: -batch needs a macro file", usage("--headless", "-batch").get(0));
		assertEquals("imagej: error: unexpected argument '--run'", usage("--run", "X").get(0));
		assertEquals("imagej: error: unexpected argument 'two'", usage("-batch", "m.ijm", "one", "two").get(0));
		assertEquals("imagej: error: no macro file " + dir.resolve("none.ijm"), usage("-batch", dir.resolve(
				"none.ijm").toString()).get(0));
		assertTrue(usage("-batch", dir.toString()).get(0).startsWith("imagej: error: cannot read the macro file "
				+ dir), "a directory");
	}

	private static List<String> usage(final String... args) {
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertEquals(MacroLauncher.USAGE, MacroLauncher.run(args, new PrintStream(err, true, StandardCharsets.UTF_8)));
		return err.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
	}
}
