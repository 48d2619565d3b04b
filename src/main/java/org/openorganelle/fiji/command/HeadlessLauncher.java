package org.openorganelle.fiji.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.openorganelle.fiji.Suggestions;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.log.StderrLogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.parse.ParseService;

/**
 * Runs one SciJava command headless, like Fiji's {@code --headless --run "Title..." "key='value',n=4"},
 * and exits non-zero when the command is unknown, fails or is cancelled (SciJava's own
 * runner always exits 0). Log messages go to stderr, the command's outputs to stdout
 * (one output as it is, several as {@code name: value} lines), and a failure is
 * reported in one line on stderr.
 */
public final class HeadlessLauncher {

	/** Exit code of a successful run. */
	public static final int SUCCESS = 0;
	/** Exit code of an unknown, failed or cancelled command. */
	public static final int FAILURE = 1;
	/** Exit code of invalid launcher arguments. */
	public static final int USAGE = 2;

	private static final String USAGE_LINE = "usage: " + LauncherErrors.NAME
			+ " [--headless] --run \"Command Title...\" [\"key='value',number=4\"]";

	private HeadlessLauncher() {
	}

	/** Runs the command the arguments name and exits with {@link #run}'s code. */
	public static void main(final String[] args) {
		System.setProperty("java.awt.headless", "true");
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the command the arguments name in a new headless context.
	 *
	 * @param args {@code [--headless] --run TITLE [ARGUMENTS]}; TITLE is a command's
	 *        title, name or class name, ARGUMENTS its inputs as {@code key='text',number=4}
	 * @param out receives the command's outputs
	 * @param err receives log messages and the one line explaining a failure
	 * @return {@link #SUCCESS}, {@link #FAILURE} or {@link #USAGE}
	 */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		String title = null;
		String arguments = "";
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--headless"))
				continue;
			if (args[i].equals("--help") || args[i].equals("-h")) {
				out.println(USAGE_LINE);
				return SUCCESS;
			}
			if (!args[i].equals("--run") || i + 1 >= args.length || title != null)
				return LauncherErrors.usage(err, USAGE_LINE, "unexpected argument '" + args[i] + "'");
			title = args[++i];
			if (i + 1 < args.length && !args[i + 1].startsWith("--"))
				arguments = args[++i];
		}
		if (title == null)
			return LauncherErrors.usage(err, USAGE_LINE, "no command given");
		final Context context = new Context();
		try {
			return run(context, title, arguments, out, err);
		} finally {
			context.dispose();
		}
	}

	private static int run(final Context context, final String title, final String arguments, final PrintStream out,
			final PrintStream err) {
		final LogService log = context.service(LogService.class);
		if (log instanceof StderrLogService)
			((StderrLogService) log).setPrintStreams(level -> err);
		final List<String> errorsLogged = Collections.synchronizedList(new ArrayList<>());
		log.addLogListener(message -> {
			if (message.level() == LogLevel.ERROR)
				errorsLogged.add(message.text());
		});
		final Map<String, Object> inputs;
		try {
			inputs = arguments.isBlank() ? Map.of() : context.service(ParseService.class).parse(arguments, true).asMap();
		} catch (final IllegalArgumentException e) {
			return LauncherErrors.usage(err, USAGE_LINE, "cannot read the arguments \"" + arguments + "\": " + e
					.getMessage() + "; write them as key='text',number=4");
		}
		final CommandService commands = context.service(CommandService.class);
		final CommandInfo info = find(commands.getCommands(), title);
		if (info == null)
			return LauncherErrors.fail(err, "unknown command '" + title + "'" + suggestions(commands.getCommands(),
					title));
		final ModuleService modules = context.service(ModuleService.class);
		final Module module = modules.createModule(info);
		if (module == null)
			return LauncherErrors.fail(err, "cannot create " + info.getTitle() + " (see the log above)");
		final ErrorReport errored = new ErrorReport(module);
		context.service(EventService.class).subscribe(errored);
		try {
			modules.run(module, true, inputs).get();
		} catch (final ExecutionException e) {
			return LauncherErrors.fail(err, info.getTitle() + " failed: " + errored.describe(e));
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return LauncherErrors.fail(err, info.getTitle() + " was interrupted");
		}
		if (module instanceof Cancelable && ((Cancelable) module).isCanceled()) {
			final String reason = ((Cancelable) module).getCancelReason();
			if (reason == null || reason.isEmpty())
				return LauncherErrors.fail(err, info.getTitle() + " was cancelled");
			return errorsLogged.contains(reason) ? FAILURE : LauncherErrors.fail(err, reason);
		}
		printOutputs(module, out);
		return SUCCESS;
	}

	/** The command whose title, name, class name or identifier is {@code title}; null if none. */
	static CommandInfo find(final List<CommandInfo> commands, final String title) {
		for (final CommandInfo info : commands)
			if (title.equals(info.getTitle()) || title.equals(info.getName()) || title.equals(info.getClassName())
					|| title.equals(info.getIdentifier()))
				return info;
		return null;
	}

	private static String suggestions(final List<CommandInfo> commands, final String title) {
		final List<String> close = Suggestions.closest(title, commands.stream().map(CommandInfo::getTitle)
				.distinct().collect(Collectors.toList()));
		return close.isEmpty() ? "" : "; did you mean: " + String.join(", ", close);
	}

	private static void printOutputs(final Module module, final PrintStream out) {
		final List<ModuleItem<?>> items = new ArrayList<>();
		module.getInfo().outputs().forEach(items::add);
		items.removeIf(item -> module.getOutput(item.getName()) == null);
		for (final ModuleItem<?> item : items)
			out.println(items.size() == 1 ? module.getOutput(item.getName())
					: item.getName() + ": " + module.getOutput(item.getName()));
		out.flush();
	}

	/**
	 * Takes over the report of a module that threw: consumes the event so that SciJava
	 * does not log the stack trace, the launcher printing one line instead.
	 */
	static final class ErrorReport {

		private final Module module;
		private volatile Throwable error;

		ErrorReport(final Module module) {
			this.module = module;
		}

		@EventHandler
		void onEvent(final ModuleErroredEvent event) {
			if (event.getModule() != module)
				return;
			error = event.getException();
			event.consume();
		}

		/** The exception the module threw, else the cause of the failed run. */
		String describe(final ExecutionException e) {
			final Throwable cause = error != null ? error : e.getCause();
			return String.valueOf(cause);
		}
	}
}
