package org.openorganelle.fiji.ui;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openorganelle.fiji.command.ExportCommand;
import org.openorganelle.fiji.export.ExportOptions;

/**
 * The ImageJ 1 macro line that repeats an export: what the browser window records, and
 * what {@code run("OpenOrganelle Export...", ...)} (the ImageJ 1 plug-in, or the SciJava
 * command of the same title) reads back.
 */
public final class MacroLine {

	private MacroLine() {
	}

	/** The export command's inputs by name, in the order of its macro line. */
	public static Map<String, Object> inputs(final String dataset, final String array, final String level,
			final File output, final String region, final int workers, final String limit, final String address,
			final String endpoint) {
		final Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("dataset", dataset);
		inputs.put("array", array);
		inputs.put("level", level);
		inputs.put("output", output);
		inputs.put("region", region);
		inputs.put("workers", workers);
		inputs.put("limit", limit);
		inputs.put("address", address);
		inputs.put("endpoint", endpoint);
		return inputs;
	}

	/**
	 * The ImageJ 1 macro line that exports the same, without the semicolon:
	 * {@code run("OpenOrganelle Export...", "dataset=... array=... level=... output=...")}.
	 * Empty values, the default number of workers and the default size limit are left out;
	 * values with spaces are bracketed.
	 *
	 * @param inputs the export command's inputs by name, in the order of the line
	 */
	public static String of(final Map<String, Object> inputs) {
		final StringBuilder options = new StringBuilder();
		inputs.forEach((key, value) -> {
			final String text = value instanceof File ? ((File) value).getPath() : value == null ? null : value
					.toString();
			option(options, key, isDefault(key, text) ? null : text);
		});
		return "run(\"" + ExportCommand.TITLE + "\", \"" + options.toString().replace("\\", "\\\\").replace("\"",
				"\\\"") + "\")";
	}

	private static boolean isDefault(final String key, final String value) {
		if (key.equals("workers"))
			return Integer.toString(ExportOptions.DEFAULT_WORKERS).equals(value);
		return key.equals("limit") && value != null && ExportOptions.DEFAULT_LIMIT.equalsIgnoreCase(value.strip());
	}

	private static void option(final StringBuilder options, final String key, final String value) {
		if (value == null || value.isBlank())
			return;
		final String v = value.strip();
		options.append(options.length() == 0 ? "" : " ").append(key).append('=')
				.append(v.contains(" ") ? "[" + v + "]" : v);
	}
}
