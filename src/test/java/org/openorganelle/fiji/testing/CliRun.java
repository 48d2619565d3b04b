package org.openorganelle.fiji.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;

import org.openorganelle.fiji.cli.OpenOrganelleCli;

/** One in-process run of the command line: its exit code and what it printed. */
public final class CliRun {

	public final int code;
	public final String out;
	public final String err;

	private CliRun(final int code, final String out, final String err) {
		this.code = code;
		this.out = out;
		this.err = err;
	}

	/** Runs the command line with an environment of its own. */
	public static CliRun run(final Map<String, String> environment, final String... args) {
		final StringWriter out = new StringWriter();
		final StringWriter err = new StringWriter();
		final int code = OpenOrganelleCli.execute(args, new PrintWriter(out), new PrintWriter(err), environment);
		return new CliRun(code, out.toString(), err.toString());
	}

	/** Runs the command line against the bucket miniature on the loopback server ({@code --endpoint} appended). */
	public static CliRun onPublicBucket(final String... args) {
		final String[] all = Arrays.copyOf(args, args.length + 2);
		all[args.length] = "--endpoint";
		all[args.length + 1] = PublicBucket.server().endpoint().toString();
		return run(Map.of(), all);
	}
}
