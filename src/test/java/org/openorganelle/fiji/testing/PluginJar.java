package org.openorganelle.fiji.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The plugin as Fiji gets it, built from the compiled main classes during the tests: a jar
 * named with '_' (plain ImageJ 1 reads {@code plugins.config} only from such jars) holding
 * the main classes and the repository's {@code plugins.config}.
 */
public final class PluginJar {

	private static final Path CLASSES = Paths.get("target", "classes").toAbsolutePath();

	private PluginJar() {
	}

	/** Writes the plugin jar into {@code directory}; returns its path. */
	public static Path build(final Path directory) throws IOException {
		final Path jar = directory.resolve("OpenOrganelle_Test.jar");
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
				Stream<Path> files = Files.walk(CLASSES)) {
			zip.putNextEntry(new JarEntry("plugins.config"));
			zip.write(Files.readAllBytes(Paths.get("plugins.config")));
			for (final Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				final String name = CLASSES.relativize(file).toString().replace(File.separatorChar, '/');
				if (!name.equals("plugins.config")) {
					zip.putNextEntry(new JarEntry(name));
					zip.write(Files.readAllBytes(file));
				}
			}
		}
		return jar;
	}

	/**
	 * The jar followed by the test class path but for the main classes, which are in the
	 * jar: the dependencies, and the test classes for the quiet logging configuration.
	 *
	 * @param withImageJ whether ImageJ 1 itself stays on the class path (a patched ImageJ's
	 *        plugin class path must not hold it; a launcher's class path must)
	 */
	public static List<File> classPath(final Path jar, final boolean withImageJ) {
		final List<File> entries = new ArrayList<>(List.of(jar.toFile()));
		for (final String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
			final Path path = Paths.get(element).toAbsolutePath();
			if (!path.equals(CLASSES) && (withImageJ || !path.getFileName().toString().matches(
					"ij-[0-9.]+[a-z]?\\.jar")))
				entries.add(path.toFile());
		}
		return entries;
	}
}
