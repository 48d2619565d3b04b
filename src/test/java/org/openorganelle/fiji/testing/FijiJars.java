package org.openorganelle.fiji.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a stock Fiji 2.18 ships, as the project describes it in
 * {@code update-site/fiji-2.18-jars.tsv} (copied from the team's reference list), and
 * those jars themselves: every shipped row with an exact version that is on Maven Central,
 * resolved from Central at exactly its coordinates and without transitive dependencies
 * (the list names each jar), by a Maven run of its own. Nothing here comes from this
 * project's dependency tree.
 */
public final class FijiJars {

	/** The project's description of Fiji 2.18. */
	public static final Path DESCRIPTION = Paths.get("update-site", "fiji-2.18-jars.tsv");

	private static final Pattern EXACT_VERSION = Pattern.compile("[0-9][0-9A-Za-z.+-]*");
	private static final Path RESOLVED = Paths.get("target", "fiji-2.18-jars");

	/** One row of the description. */
	public static final class Row {
		/** Maven group. */
		public final String group;
		/** Maven artifact, also the jar's name in {@code Fiji.app/jars/} before its version. */
		public final String artifact;
		/** The version Fiji ships, or {@code -} when it ships none. */
		public final String version;
		/** Whether a stock Fiji 2.18 has it. */
		public final boolean shipped;
		/** Where it comes from, or why it cannot be resolved here. */
		public final String note;

		Row(final String line) {
			final String[] fields = line.split("\t", -1);
			final String[] coordinates = fields[0].split(":");
			group = coordinates[0];
			artifact = coordinates[1];
			version = fields[1];
			shipped = "yes".equals(fields[2]);
			note = fields.length > 3 ? fields[3] : "";
		}

		/** Whether Maven Central serves it at this exact version (not a range such as {@code 1.8.x}). */
		public boolean onCentral() {
			return EXACT_VERSION.matcher(version).matches() && !version.endsWith(".x") && !note.contains(
					"not on Maven Central");
		}
	}

	private FijiJars() {
	}

	/** Every row of the description. */
	public static List<Row> rows() throws IOException {
		return Files.readAllLines(DESCRIPTION).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(Row::new)
				.collect(Collectors.toList());
	}

	/** The names Fiji's updater knows its jars by: the artifacts of the shipped rows. */
	public static Set<String> shippedNames() throws IOException {
		return rows().stream().filter(r -> r.shipped).map(r -> r.artifact).collect(Collectors.toCollection(
				TreeSet::new));
	}

	/** The shipped rows with an exact version on Maven Central. */
	public static List<Row> resolvable() throws IOException {
		return rows().stream().filter(r -> r.shipped && r.onCentral()).collect(Collectors.toList());
	}

	/**
	 * The jars of {@link #resolvable()}, resolved once into {@code target/fiji-2.18-jars} by
	 * {@code mvn dependency:copy-dependencies} on a generated POM (Maven from the
	 * {@code maven.home} property the failsafe configuration passes, the build's local repository and
	 * dependency plugin).
	 */
	public static synchronized List<Path> resolve() throws IOException, InterruptedException {
		final List<Row> rows = resolvable();
		final Path jars = RESOLVED.resolve("jars");
		if (!Files.isDirectory(jars) || Directories.files(jars).size() != rows.size()) {
			Files.createDirectories(RESOLVED);
			Files.writeString(RESOLVED.resolve("pom.xml"), pom(rows));
			final Path log = RESOLVED.resolve("mvn.log");
			final List<String> command = new ArrayList<>(List.of(Paths.get(property("maven.home"), "bin", "mvn")
					.toString(), "-B", "-q", "-f", RESOLVED.resolve("pom.xml").toString(), "-Dmaven.repo.local="
							+ property("maven.repo.local"), "org.apache.maven.plugins:maven-dependency-plugin:" + property(
							"maven-dependency-plugin.version") + ":copy-dependencies", "-DoutputDirectory="
									+ jars.toAbsolutePath()));
			final Process maven = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
					.start();
			if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0) {
				maven.destroyForcibly();
				throw new AssertionError("Resolving Fiji 2.18's jars failed: " + Files.readString(log));
			}
		}
		final List<Path> resolved = Directories.files(jars);
		if (resolved.size() != rows.size())
			throw new AssertionError(rows.size() + " jars described, " + resolved.size() + " resolved: " + resolved);
		return resolved;
	}

	private static String property(final String name) {
		final String value = System.getProperty(name);
		if (value == null || value.isBlank())
			throw new AssertionError(name + " is not set (the failsafe configuration in pom.xml passes it)");
		return value;
	}

	/** A POM depending on exactly these coordinates, each without its own dependencies. */
	private static String pom(final List<Row> rows) {
		final StringBuilder pom = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
				+ "  <modelVersion>4.0.0</modelVersion>\n  <groupId>fiji-2.18</groupId>\n"
				+ "  <artifactId>stock-jars</artifactId>\n  <version>1</version>\n  <packaging>pom</packaging>\n"
				+ "  <dependencies>\n");
		for (final Row row : rows)
			pom.append("    <dependency><groupId>").append(row.group).append("</groupId><artifactId>").append(
					row.artifact).append("</artifactId><version>").append(row.version).append("</version>"
							+ "<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion>"
							+ "</exclusions></dependency>\n");
		return pom.append("  </dependencies>\n</project>\n").toString();
	}
}
