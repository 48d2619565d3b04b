package org.openorganelle.fiji.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * One run of a command through a real headless SciJava context, with its pre- and
 * postprocessors, as Fiji runs it: the module afterwards and the messages it logged.
 */
public final class SciJavaRun {

	public final Module module;
	public final List<String> errors;
	public final List<String> infos;

	private SciJavaRun(final Module module, final List<String> errors, final List<String> infos) {
		this.module = module;
		this.errors = errors;
		this.infos = infos;
	}

	/** A headless context with the services the commands use. */
	public static Context context() {
		return new Context(CommandService.class, ModuleService.class, LogService.class, StatusService.class);
	}

	/** Runs a command and waits for it; {@code beforeRun} may act on the module first. */
	public static SciJavaRun run(final Context context, final Class<? extends Command> command,
			final Map<String, Object> inputs, final Consumer<Module> beforeRun) throws Exception {
		final List<String> errors = Collections.synchronizedList(new ArrayList<>());
		final List<String> infos = Collections.synchronizedList(new ArrayList<>());
		final LogService log = context.service(LogService.class);
		log.addLogListener(message -> {
			if (message.level() == LogLevel.ERROR)
				errors.add(message.text());
			else if (message.level() == LogLevel.INFO)
				infos.add(message.text());
		});
		final ModuleService modules = context.service(ModuleService.class);
		final Module module = modules.createModule(context.service(CommandService.class).getCommand(command));
		beforeRun.accept(module);
		modules.run(module, true, inputs).get();
		return new SciJavaRun(module, errors, infos);
	}

	public static SciJavaRun run(final Context context, final Class<? extends Command> command,
			final Map<String, Object> inputs) throws Exception {
		return run(context, command, inputs, m -> {
		});
	}

	public boolean canceled() {
		return ((Cancelable) module).isCanceled();
	}

	public String cancelReason() {
		return ((Cancelable) module).getCancelReason();
	}

	public String output(final String name) {
		return (String) module.getOutput(name);
	}
}
