package org.openorganelle.fiji.cli;

import java.util.Map;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults of options from environment variables, the configuration the original Python
 * loader used: {@code DATASET_ID}, {@code ZARR_PATH}, {@code S3_URI}, {@code OUTPUT_DIR},
 * {@code MAX_WORKERS}, {@code TIMEOUT_SECONDS}. Command-line options win.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

	static final Map<String, String> VARIABLES = Map.of("--dataset", "DATASET_ID", "--array", "ZARR_PATH",
			"--s3-uri", "S3_URI", "--output", "OUTPUT_DIR", "--workers", "MAX_WORKERS", "--timeout",
			"TIMEOUT_SECONDS");

	private final Map<String, String> environment;

	EnvironmentDefaults(final Map<String, String> environment) {
		this.environment = environment;
	}

	@Override
	public String defaultValue(final ArgSpec argSpec) {
		if (!argSpec.isOption())
			return argSpec.defaultValue();
		for (final String name : ((OptionSpec) argSpec).names()) {
			final String variable = VARIABLES.get(name);
			final String value = variable == null ? null : environment.get(variable);
			if (value != null && !value.isEmpty())
				return value;
		}
		return argSpec.defaultValue();
	}
}
