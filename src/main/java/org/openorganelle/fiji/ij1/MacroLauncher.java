package org.openorganelle.fiji.ij1;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.openorganelle.fiji.command.HeadlessLauncher;
import org.openorganelle.fiji.command.LauncherErrors;

import ij.ImagePlus;
import ij.Macro;
import net.imagej.patcher.LegacyEnvironment;

/**
 * Runs an ImageJ 1 macro headless, like Fiji's {@code --headless -batch macro.ijm [argument]}:
 * ImageJ 1 is patched for headless use by ij1-patcher (the patching Fiji itself applies),
 * and the plugin jars of the class path are registered from their {@code plugins.config},
 * so {@code run("OpenOrganelle Export...", "...")} works as it does in Fiji. The macro's
 * log goes to stdout, its errors to stderr. Unlike ImageJ's {@code -batch}, the exit code
 * says whether the macro ran to its end: 0 if it did, 1 if an error aborted it, 2 for
 * invalid arguments or an unreadable macro file.
 */
public final class MacroLauncher {

	/** Exit code of a macro that ran to its end. */
	public static final int SUCCESS = HeadlessLauncher.SUCCESS;
	/** Exit code of a macro an error aborted. */
	public static final int FAILURE = HeadlessLauncher.FAILURE;
	/** Exit code of invalid arguments or an unreadable macro file. */
	public static final int USAGE = HeadlessLauncher.USAGE;

	private static final String USAGE_LINE = "usage: " + LauncherErrors.NAME
			+ " [--headless] -batch MACRO.ijm [ARGUMENT]";

	private MacroLauncher() {
	}

	/** Runs the macro the arguments name and exits with {@link #run}'s code. */
	public static void main(final String[] args) {
		System.setProperty("java.awt.headless", "true");
		System.exit(run(args, System.err));
	}

	/**
	 * Runs a macro file in a new, headless ImageJ 1.
	 *
	 * @param args {@code [--headless] -batch FILE [ARGUMENT]}; ARGUMENT is what the macro's
	 *        {@code getArgument()} returns
	 * @param err receives the one line explaining a failure
	 * @return {@link #SUCCESS}, {@link #FAILURE} or {@link #USAGE}
	 */
	public static int run(final String[] args, final PrintStream err) {
		final List<String> rest = new ArrayList<>(List.of(args));
		rest.remove("--headless");
		if (rest.equals(List.of("--help")) || rest.equals(List.of("-h"))) {
			err.println(USAGE_LINE);
			return SUCCESS;
		}
		if (rest.isEmpty() || !(rest.get(0).equals("-batch") || rest.get(0).equals("--batch")))
			return LauncherErrors.usage(err, USAGE_LINE, rest.isEmpty() ? "no macro given" : "unexpected argument '"
					+ rest.get(0) + "'");
		if (rest.size() < 2 || rest.size() > 3)
			return LauncherErrors.usage(err, USAGE_LINE, rest.size() < 2 ? "-batch needs a macro file"
					: "unexpected argument '" + rest.get(3) + "'");
		final Path file = Paths.get(rest.get(1));
		final String macro;
		try {
			macro = Files.readString(file, StandardCharsets.UTF_8);
		} catch (final NoSuchFileException e) {
			return LauncherErrors.usage(err, USAGE_LINE, "no macro file " + file.toAbsolutePath());
		} catch (final IOException e) {
			return LauncherErrors.usage(err, USAGE_LINE, "cannot read the macro file " + file.toAbsolutePath() + ": "
					+ e.getMessage());
		}
		final boolean failed;
		try {
			failed = runMacro(macro, rest.size() == 3 ? rest.get(2) : "");
		} catch (final InvocationTargetException e) {
			return LauncherErrors.fail(err, "the macro " + file + " failed: " + e.getCause());
		} catch (final ReflectiveOperationException | URISyntaxException e) {
			return LauncherErrors.fail(err, "cannot start ImageJ 1 to run " + file + ": " + e);
		}
		return failed ? LauncherErrors.fail(err, "the macro " + file + " was aborted by the error above")
				: SUCCESS;
	}

	/**
	 * Runs macro code in a new patched ImageJ 1; returns whether an error stopped it. A
	 * macro's {@code exit} ends it normally; errors (in the macro, or reported by a command
	 * it ran) are printed by ImageJ and abort it.
	 */
	private static boolean runMacro(final String macro, final String argument) throws ReflectiveOperationException,
			URISyntaxException {
		final LegacyEnvironment ij1 = new LegacyEnvironment(null, true);
		ij1.disableIJ1PluginDirs();
		ij1.addPluginClasspath(pluginClassPath());
		final Thread thread = Thread.currentThread();
		final ClassLoader saved = thread.getContextClassLoader();
		thread.setContextClassLoader(ij1.getClassLoader());
		try {
			final Class<?> type = ij1.getClassLoader().loadClass("ij.macro.Interpreter");
			final Object interpreter = type.getConstructor().newInstance();
			try {
				type.getMethod("run", String.class, String.class).invoke(interpreter, macro, argument);
			} catch (final InvocationTargetException e) {
				if (!Macro.MACRO_CANCELED.equals(e.getCause().getMessage()))
					throw e;
			}
			return (Boolean) type.getMethod("wasError").invoke(interpreter);
		} finally {
			thread.setContextClassLoader(saved);
		}
	}

	/**
	 * The class path but for ImageJ 1 itself, which the patched class loader provides: the
	 * plugin jar (whose {@code plugins.config} registers its menu entries) and its
	 * dependencies.
	 */
	private static File[] pluginClassPath() throws URISyntaxException {
		final Path imageJ = Paths.get(ImagePlus.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toAbsolutePath();
		final List<File> entries = new ArrayList<>();
		for (final String element : System.getProperty("java.class.path").split(File.pathSeparator))
			if (!element.isEmpty() && !Paths.get(element).toAbsolutePath().equals(imageJ))
				entries.add(new File(element));
		return entries.toArray(new File[0]);
	}
}
