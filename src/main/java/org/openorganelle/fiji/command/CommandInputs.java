package org.openorganelle.fiji.command;

import java.util.ArrayList;
import java.util.List;

import org.openorganelle.fiji.store.StoreOptions;

/** Turns the text inputs the commands share (connection, lists, optional values) into API values. */
final class CommandInputs {

	private CommandInputs() {
	}

	/** The value with surrounding blanks removed, or null when it is null or blank. */
	static String optional(final String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The comma-separated values, stripped, empty ones dropped. */
	static List<String> list(final String values) {
		final List<String> list = new ArrayList<>();
		if (values != null)
			for (final String value : values.split(","))
				if (!value.isBlank())
					list.add(value.strip());
		return list;
	}

	/**
	 * Anonymous store options, or signed with an AWS profile; with an S3-compatible endpoint
	 * when one is given.
	 *
	 * @throws OpenOrganelleException for an endpoint that is not an http(s) URL
	 */
	static StoreOptions storeOptions(final String endpoint, final String profile) {
		final StoreOptions.Builder options = StoreOptions.builder();
		if (optional(profile) != null)
			options.profile(profile);
		final String url = optional(endpoint);
		if (url != null)
			options.endpoint(StoreOptions.parseEndpoint(url, "endpoint"));
		return options.build();
	}
}
