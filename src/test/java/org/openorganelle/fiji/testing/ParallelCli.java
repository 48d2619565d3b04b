package org.openorganelle.fiji.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openorganelle.fiji.cli.OpenOrganelleCli;

/**
 * A main class for forked-JVM tests: runs the command line several times at once in one
 * JVM, as a script would, and exits with the largest exit code. Arguments: the runs,
 * separated by {@code ::}; a failed run's stderr goes to stderr.
 */
public final class ParallelCli {

	private ParallelCli() {
	}

	/** Runs each {@code ::}-separated argument list on its own thread. */
	public static void main(final String[] args) throws InterruptedException {
		final List<List<String>> runs = new ArrayList<>(List.of(new ArrayList<>()));
		for (final String arg : args)
			if (arg.equals("::"))
				runs.add(new ArrayList<>());
			else
				runs.get(runs.size() - 1).add(arg);
		final int[] codes = new int[runs.size()];
		final List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			final int run = i;
			threads.add(new Thread(() -> {
				final StringWriter err = new StringWriter();
				codes[run] = OpenOrganelleCli.execute(runs.get(run).toArray(new String[0]), new PrintWriter(
						new StringWriter()), new PrintWriter(err), Map.of());
				if (codes[run] != 0)
					System.err.print("run " + run + ": " + err);
			}));
		}
		threads.forEach(Thread::start);
		for (final Thread t : threads)
			t.join();
		int worst = 0;
		for (final int code : codes)
			worst = Math.max(worst, code);
		System.exit(worst);
	}
}
