package org.openorganelle.fiji.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.command.ExportCommand;
import org.openorganelle.fiji.command.HeadlessLauncher;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.FijiJars;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.ForkedRun;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.ui.BrowserExportRun;

/**
 * The update site staged by {@code mvn package} in {@code target/update-site} (what
 * {@code scripts/stage-update-site} publishes): the plugin jar in {@code plugins/}; in
 * {@code jars/} exactly the runtime dependencies a stock Fiji 2.18 does not ship, none named
 * like a Fiji jar (Fiji's updater would replace Fiji's); and these jars plus Fiji's own —
 * resolved from Maven Central at the coordinates {@code update-site/fiji-2.18-jars.tsv}
 * describes, never from this project's dependency tree — are enough to export, from an
 * ImageJ 1 macro, from a SciJava command and from the browser window (on the suite's X
 * display), with nothing from the build on the class path.
 */
class UpdateSiteIT {

	private static final Path SITE = Paths.get("target", "update-site");
	private static final String ARRAY = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16";

	/** One runtime dependency as Maven resolved it. */
	private static final class Dependency {
		final String artifact;
		final Path file;

		Dependency(final String line) {
			final String[] fields = line.trim().split(" ")[0].split(":", 6);
			artifact = fields[1];
			file = Paths.get(fields[5]);
		}
	}

	private static List<Dependency> runtimeDependencies() throws IOException {
		return Files.readAllLines(Paths.get("target", "runtime-dependencies.txt")).stream().filter(l -> l.startsWith(
				"   ")).map(Dependency::new).collect(Collectors.toList());
	}

	private static List<Path> staged(final String folder) throws IOException {
		return Directories.files(SITE.resolve(folder));
	}

	private static Set<String> names(final List<Path> files) {
		return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
	}

	/** A jar's name as Fiji's updater matches it: the file name without version and extension. */
	private static String unversioned(final Path jar) {
		return jar.getFileName().toString().replaceFirst("-[0-9][0-9A-Za-z.+-]*\\.jar$", "");
	}

	@Test
	void pluginsHoldsThePluginJarWithItsMenuEntries() throws IOException {
		final List<Path> plugins = staged("plugins");
		assertEquals(1, plugins.size(), plugins.toString());
		final String name = plugins.get(0).getFileName().toString();
		assertTrue(name.matches("OpenOrganelle_Fiji-[0-9][^/]*\\.jar"), name + ": ImageJ 1 reads plugins.config only "
				+ "from jars whose name holds '_'");
		try (JarFile jar = new JarFile(plugins.get(0).toFile())) {
			assertArrayEquals(Files.readAllBytes(Paths.get("plugins.config")), jar.getInputStream(jar.getEntry(
					"plugins.config")).readAllBytes());
			assertNotNull(jar.getEntry(ExportPlugIn.class.getName().replace('.', '/') + ".class"));
			assertNotNull(jar.getEntry("schemas/metadata_schema.json"));
		}
	}

	@Test
	void jarsHoldsExactlyTheRuntimeDependenciesFijiDoesNotShip() throws IOException {
		final Set<String> fiji = FijiJars.shippedNames();
		final Set<String> expected = new TreeSet<>();
		for (final Dependency d : runtimeDependencies())
			if (!fiji.contains(d.artifact))
				expected.add(d.file.getFileName().toString());
		assertEquals(expected, names(staged("jars")));
		for (final Path jar : staged("jars"))
			assertArrayEquals(Files.readAllBytes(runtimeDependencies().stream().filter(d -> d.file.getFileName()
					.equals(jar.getFileName())).findFirst().get().file), Files.readAllBytes(jar), jar
							+ " is the resolved artifact");
	}

	@Test
	void noJarOfTheSiteHasTheNameOfAJarFijiShips() throws IOException {
		final Set<String> fiji = FijiJars.shippedNames();
		final List<String> clashes = new ArrayList<>();
		for (final Path jar : staged("jars"))
			if (fiji.contains(unversioned(jar)))
				clashes.add(jar.getFileName() + " would replace Fiji's " + unversioned(jar));
		assertEquals(List.of(), clashes, "Fiji's updater matches jars by name without version");
	}

	@Test
	void theStagedJarsAndWhatFijiShipsExportFromAMacroAndFromTheSciJavaCommand(@TempDir final Path dir)
			throws Exception {
		final List<File> classPath = new ArrayList<>();
		staged("plugins").forEach(p -> classPath.add(p.toFile()));
		staged("jars").forEach(p -> classPath.add(p.toFile()));
		FijiJars.resolve().forEach(p -> classPath.add(p.toFile()));

		final Path fromMacro = dir.resolve("macro");
		final Path macro = dir.resolve("export.ijm");
		Files.writeString(macro, "run(\"OpenOrganelle Export...\", \"dataset=jrc_mus-nacc-2 "
				+ "array=recon-2/em/fibsem-int16 level=s2 \" + getArgument());\n");
		final ForkedRun batch = ForkedRun.run(dir, classPath, MacroLauncher.class.getName(), "-batch", macro
				.toString(), "output=" + fromMacro + " endpoint=" + PublicBucket.server().endpoint());
		assertEquals(0, batch.code, batch.err);
		assertExported(fromMacro);

		final Path fromCommand = dir.resolve("command");
		final ForkedRun command = ForkedRun.run(dir, classPath, HeadlessLauncher.class.getName(), "--headless",
				"--run", ExportCommand.TITLE, "dataset='jrc_mus-nacc-2',array='recon-2/em/fibsem-int16',level='s2',"
						+ "output='" + fromCommand + "',endpoint='" + PublicBucket.server().endpoint() + "'");
		assertEquals(0, command.code, command.err);
		assertExported(fromCommand);
	}

	@Test
	void theBrowserWindowExportsOnThatClassPath(@TempDir final Path dir) throws Exception {
		final List<File> classPath = new ArrayList<>();
		staged("plugins").forEach(p -> classPath.add(p.toFile()));
		staged("jars").forEach(p -> classPath.add(p.toFile()));
		FijiJars.resolve().forEach(p -> classPath.add(p.toFile()));
		classPath.add(Paths.get("target", "test-classes").toFile()); // the driver, which uses only the plugin and the JDK

		final Path output = dir.resolve("browser");
		final ForkedRun run = ForkedRun.run(dir, classPath, false, BrowserExportRun.class.getName(), PublicBucket
				.server().endpoint().toString(), "jrc_mus-nacc-2", "recon-2/em/fibsem-int16", "s2", output.toString());
		assertEquals(0, run.code, run.out + run.err);
		assertEquals("", run.err);
		assertExported(output);
	}

	private static void assertExported(final Path output) throws IOException {
		final List<Path> written = Directories.files(output);
		assertEquals(2, written.size(), written.toString());
		assertArrayEquals(NpyFile.read(Fixtures.bucketExpected().resolve(ARRAY).resolve("s2.npy")).data, NpyFile.read(
				written.get(0)).data);
	}
}
