package org.openorganelle.fiji.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PluginJar;
import org.openorganelle.fiji.testing.PublicBucket;

import net.imagej.patcher.LegacyEnvironment;

/**
 * Runs {@code run("OpenOrganelle Export...", ...)} through ImageJ 1.x's own macro
 * interpreter (patched for headless use), with the plugin registered by the project's
 * {@code plugins.config}, against the bucket miniature on the loopback S3 server.
 */
class ExportMacroTest {

	private static final String ARRAY = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16";

	@TempDir
	static Path plugins;

	private static LegacyEnvironment ij1;

	@BeforeAll
	static void startImageJ1() throws Exception {
		ij1 = new LegacyEnvironment(null, true);
		ij1.disableIJ1PluginDirs();
		ij1.addPluginClasspath(PluginJar.classPath(PluginJar.build(plugins), false).toArray(new File[0]));
	}

	/** What a macro returned (null when it stopped before its end) and what it printed. */
	private record Run(String value, String out, String err) {
	}

	/** Runs macro code in ImageJ 1.x, which prints its log and errors when headless. */
	private static Run runMacro(final String macro) throws Exception {
		return runMacro(macro, "");
	}

	/** Runs macro code with an argument ({@code getArgument()}). */
	private static Run runMacro(final String macro, final String argument) throws Exception {
		final Thread thread = Thread.currentThread();
		final ClassLoader savedLoader = thread.getContextClassLoader();
		final PrintStream savedOut = System.out;
		final PrintStream savedErr = System.err;
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		thread.setContextClassLoader(ij1.getClassLoader());
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			final Method runMacro = ij1.getClassLoader().loadClass("ij.IJ").getMethod("runMacro", String.class,
					String.class);
			final String value = (String) runMacro.invoke(null, macro, argument);
			return new Run(value, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(savedOut);
			System.setErr(savedErr);
			thread.setContextClassLoader(savedLoader);
		}
	}

	private static Run export(final String options) throws Exception {
		return runMacro("run(\"OpenOrganelle Export...\", \"" + options + " endpoint="
				+ PublicBucket.server().endpoint() + "\");\nreturn \"done\";");
	}


	@Test
	void exportsTheLevelAMacroAsksFor(@TempDir final Path out) throws Exception {
		final Run run = export("dataset=jrc_mus-nacc-2 array=recon-2/em/fibsem-int16 level=s2 output=" + out
				+ " workers=2");
		assertEquals("done", run.value(), run.err());
		final List<Path> written = Directories.files(out);
		assertEquals(2, written.size(), written.toString());
		final Path npy = written.get(0);
		final Path json = written.get(1);
		assertTrue(npy.getFileName().toString().matches("fibsem-int16_s2_[0-9]{8}_[0-9]{6}\\.npy"), npy.toString());
		assertEquals("metadata_" + npy.getFileName().toString().replace(".npy", ".json"), json.getFileName()
				.toString());
		final NpyFile file = NpyFile.read(npy);
		assertEquals("<i2", file.descr);
		assertArrayEquals(new long[] { 10, 18, 20 }, file.shape);
		assertArrayEquals(expectedS2(), file.data);
		assertEquals("OpenOrganelle: wrote " + npy + "\n    and " + json + "\n", run.out());
		assertEquals("", run.err());
		assertEquals(List.of(ExportPlugIn.class.getName()), ij1.getMenuStructure().entrySet().stream()
				.filter(e -> e.getKey().endsWith(">OpenOrganelle Export...")).map(e -> e.getValue())
				.collect(Collectors.toList()), "the command ImageJ 1 registered from plugins.config");
	}

	@Test
	void exportsALevelOfAShardedZarrV3DatasetByteExact(@TempDir final Path out) throws Exception {
		final Run run = export("dataset=jrc_mosquito-stylet-6 array=recon-1/em/fibsem-uint8 level=s1 output=" + out
				+ " workers=2");
		assertEquals("done", run.value(), run.err());
		final List<Path> written = Directories.files(out);
		assertEquals(2, written.size(), written.toString());
		final NpyFile expected = NpyFile.read(Fixtures.bucketExpected().resolve(
				"jrc_mosquito-stylet-6/jrc_mosquito-stylet-6.zarr/recon-1/em/fibsem-uint8/s1.npy"));
		final NpyFile file = NpyFile.read(written.get(0));
		assertArrayEquals(expected.shape, file.shape);
		assertArrayEquals(expected.data, file.data, "the numpy array the shards were encoded from");
	}

	@Test
	void cropsARegionOfAContainerGivenByItsAddress(@TempDir final Path out) throws Exception {
		final Run run = export("dataset=[] array=recon-2/em/fibsem-int16 level=s2 output=" + out
				+ " region=1:3,:,5:9 address=s3://janelia-cosem-datasets/jrc_mus-nacc-2/jrc_mus-nacc-2.zarr");
		assertEquals("done", run.value(), run.err());
		final NpyFile file = NpyFile.read(Directories.files(out).get(0));
		assertArrayEquals(new long[] { 2, 18, 4 }, file.shape);
		final byte[] whole = expectedS2();
		final byte[] expected = new byte[2 * 18 * 4 * 2];
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < 18; y++)
				System.arraycopy(whole, (((z + 1) * 18 + y) * 20 + 5) * 2, expected, (z * 18 + y) * 4 * 2, 4 * 2);
		assertArrayEquals(expected, file.data);
	}

	@Test
	void abortsTheMacroWithOneClearMessageAndWritesNothing(@TempDir final Path out) throws Exception {
		final Run unknown = export("dataset=jrc_mus-nacc-2 array=recon-2/em/fibsem-int8 level=s2 output=" + out);
		assertNull(unknown.value(), "the macro went on after the error");
		assertEquals(1, count(unknown.err(), "unknown array 'recon-2/em/fibsem-int8' in s3://janelia-cosem-datasets/"
				+ "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr; did you mean: recon-2/em/fibsem-int16"), unknown.err());
		assertEquals("", unknown.out());
		assertEquals(List.of(), Directories.files(out));
		final Run workers = export("dataset=jrc_mus-nacc-2 array=recon-2/em/fibsem-int16 level=s2 workers=0 output="
				+ out);
		assertNull(workers.value());
		assertEquals(1, count(workers.err(), "workers 0 is out of range"), workers.err());
		assertEquals(List.of(), Directories.files(out));
		final Run limit = export("dataset=jrc_mus-nacc-2 array=recon-2/em/fibsem-int16 level=s0 limit=100K output="
				+ out);
		assertNull(limit.value());
		assertEquals(1, count(limit.err(), "above the limit of 100 KiB; level s1 is 60.7 kB"), limit.err());
		assertEquals(List.of(), Directories.files(out));
		assertEquals("done", export("dataset=jrc_mus-nacc-2 array=recon-2/em/fibsem-int16 level=s0 limit=1M output="
				+ out).value());
		assertEquals(2, Directories.files(out).size());
	}

	@Test
	void theExampleMacroExportsTwoLevels(@TempDir final Path out) throws Exception {
		final String example = Files.readString(ExampleMacro.FILE);
		final Run run = runMacro(example + "\nreturn \"done\";", "output=" + out + " endpoint="
				+ PublicBucket.server().endpoint());
		assertEquals("done", run.value(), run.err());
		ExampleMacro.assertExported(out);
	}

	private static byte[] expectedS2() throws IOException {
		return NpyFile.read(Fixtures.bucketExpected().resolve(ARRAY).resolve("s2.npy")).data;
	}

	private static int count(final String text, final String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}
}
