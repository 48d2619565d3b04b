package org.openorganelle.fiji.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One run of a main class in a JVM of its own (real exit codes, a class path of the
 * test's choosing), headless unless asked otherwise, with its preferences and home
 * directory inside a directory of the test: its exit code and what it printed.
 */
public final class ForkedRun {

	public final int code;
	public final String out;
	public final String err;

	private ForkedRun(final int code, final String out, final String err) {
		this.code = code;
		this.out = out;
		this.err = err;
	}

	/** Runs {@code main} with the test's own class path. */
	public static ForkedRun run(final Path dir, final String main, final String... args) throws Exception {
		return run(dir, List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream().map(File::new)
				.collect(Collectors.toList()), main, args);
	}

	/** Runs {@code main} headless with the given class path; fails the test after two minutes. */
	public static ForkedRun run(final Path dir, final List<File> classPath, final String main, final String... args)
			throws Exception {
		return run(dir, classPath, true, main, args);
	}

	/**
	 * Runs {@code main} with the given class path, headless or on the test's X display
	 * ({@code DISPLAY}, e.g. the one xvfb-run gives the suite); fails the test after two minutes.
	 */
	public static ForkedRun run(final Path dir, final List<File> classPath, final boolean headless, final String main,
			final String... args) throws Exception {
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Djava.awt.headless=" + headless, "-Dslf4j.internal.verbosity=ERROR",
				"--add-opens=java.base/java.lang=ALL-UNNAMED", "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
				"-Duser.home=" + dir.resolve("home"), "-cp", classPath.stream().map(File::toString).collect(Collectors
						.joining(File.pathSeparator)), main));
		command.addAll(List.of(args));
		Files.createDirectories(dir.resolve("prefs").resolve(".java").resolve(".userPrefs")); // else the JDK logs creating it, on stderr
		final Path out = dir.resolve("stdout");
		final Path err = dir.resolve("stderr");
		final Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
				.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(main + " did not finish within two minutes: " + Files.readString(err));
		}
		return new ForkedRun(process.exitValue(), Files.readString(out), Files.readString(err));
	}
}
