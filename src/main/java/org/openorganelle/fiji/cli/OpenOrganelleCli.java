package org.openorganelle.fiji.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.OpenOrganelleException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code openorganelle} command line: {@code list}, {@code info}, {@code export}. Exit codes: 0 success,
 * 1 failure, 2 invalid usage, 3 dataset, array or level not found.
 */
@Command(name = "openorganelle", mixinStandardHelpOptions = true, versionProvider = Version.class,
		subcommands = { ListAction.class, InfoAction.class, ExportAction.class },
		description = "Browse and export OpenOrganelle (COSEM, Janelia) EM volumes from s3://janelia-cosem-datasets.")
public final class OpenOrganelleCli {

	/** Exit code of invalid usage (an unknown option, a value of the wrong type): one line, no usage text. */
	public static final int USAGE = 2;
	/** Exit code of a failed command. */
	public static final int FAILURE = 1;
	/** Exit code when a dataset, array or level does not exist. */
	public static final int NOT_FOUND = 3;

	final PrintWriter out;
	final PrintWriter err;
	final Map<String, String> environment;

	private OpenOrganelleCli(final PrintWriter out, final PrintWriter err, final Map<String, String> environment) {
		this.out = out;
		this.err = err;
		this.environment = environment;
	}

	/** Runs the command line and exits with its code. */
	public static void main(final String[] args) {
		final PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
		final PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
		System.exit(execute(args, out, err, System.getenv()));
	}

	/**
	 * Runs the command line with the given streams and environment (option defaults and AWS
	 * endpoint variables are read from it).
	 *
	 * @return the exit code
	 */
	public static int execute(final String[] args, final PrintWriter out, final PrintWriter err,
			final Map<String, String> environment) {
		final CommandLine cli = new CommandLine(new OpenOrganelleCli(out, err, environment));
		cli.setOut(out);
		cli.setErr(err);
		cli.setDefaultValueProvider(new EnvironmentDefaults(environment));
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			commandLine.getErr().println("openorganelle: error: " + message(e));
			commandLine.getErr().flush();
			return e instanceof NotFoundException ? NOT_FOUND : FAILURE;
		});
		cli.setParameterExceptionHandler((e, arguments) -> {
			final CommandLine commandLine = e.getCommandLine();
			final String help = "openorganelle " + (commandLine.getParent() == null ? "" : commandLine
					.getCommandName() + " ") + "--help";
			commandLine.getErr().println("openorganelle: error: " + e.getMessage().replaceFirst("^Error: ", "")
					+ " (see '" + help + "')");
			commandLine.getErr().flush();
			return commandLine.getCommandSpec().exitCodeOnInvalidInput();
		});
		final int code = cli.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	private static String message(final Exception e) {
		if (e instanceof OpenOrganelleException)
			return e.getMessage();
		final StringBuilder m = new StringBuilder("unexpected ").append(e);
		for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause())
			m.append("; caused by ").append(c);
		return m.toString();
	}
}
