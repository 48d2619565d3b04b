package org.openorganelle.fiji.command;

import java.io.PrintStream;

/**
 * The errors of the {@code scripts/imagej} launchers ({@link HeadlessLauncher} for
 * {@code --run}, {@code ij1.MacroLauncher} for {@code -batch}): one line
 * {@code imagej: error: …}, followed by the usage line for invalid arguments, and the exit
 * code that goes with it.
 */
public final class LauncherErrors {

	/** The launcher's name in its messages. */
	public static final String NAME = "imagej";

	private LauncherErrors() {
	}

	/** Prints the problem and the usage line; returns {@link HeadlessLauncher#USAGE}. */
	public static int usage(final PrintStream err, final String usageLine, final String problem) {
		err.println(NAME + ": error: " + problem);
		err.println(usageLine);
		return HeadlessLauncher.USAGE;
	}

	/** Prints the problem; returns {@link HeadlessLauncher#FAILURE}. */
	public static int fail(final PrintStream err, final String problem) {
		err.println(NAME + ": error: " + problem);
		return HeadlessLauncher.FAILURE;
	}
}
