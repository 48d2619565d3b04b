package org.openorganelle.fiji.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/** A command with a bug, for the launcher's report of a module that throws. */
@Plugin(type = Command.class, headless = true, label = ThrowingCommand.TITLE)
public class ThrowingCommand implements Command {

	/** The command's title. */
	public static final String TITLE = "Launcher Test: Throw";

	@Override
	public void run() {
		throw new IllegalStateException("a bug in the command");
	}
}
