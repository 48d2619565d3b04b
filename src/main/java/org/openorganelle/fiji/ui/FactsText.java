package org.openorganelle.fiji.ui;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openorganelle.fiji.catalog.DatasetFacts;

/** The catalog's facts about a dataset as lines for the window; a fact the catalog lacks reads "unknown". */
final class FactsText {

	static final String UNKNOWN = "unknown";

	private FactsText() {
	}

	/**
	 * @param dataset the dataset's name
	 * @param facts what the catalog knows, or empty when it does not know the dataset
	 */
	static String of(final String dataset, final Optional<DatasetFacts> facts) {
		final StringBuilder text = new StringBuilder(dataset);
		if (facts.isEmpty())
			return text.append("\nNot in the catalog: title, organism, sample, imaging date and DOI unknown.")
					.toString();
		final DatasetFacts f = facts.get();
		line(text, "Title", f.title());
		line(text, "Organism", f.organism());
		line(text, "Sample", f.sample());
		line(text, "Imaging date", f.imagingStartDate());
		final String dois = f.dois().stream().map(FactsText::doi).collect(Collectors.joining("; "));
		line(text, "DOI", dois.isEmpty() ? Optional.empty() : Optional.of(dois));
		if (!f.thirdPartyFields().isEmpty())
			text.append("\n(from third-party sources: ").append(String.join(", ", f.thirdPartyFields())).append(')');
		return text.toString();
	}

	private static String doi(final Map.Entry<String, String> doi) {
		return doi.getValue() + (doi.getKey().isEmpty() ? "" : " (" + doi.getKey() + ")");
	}

	private static void line(final StringBuilder text, final String name, final Optional<String> value) {
		text.append('\n').append(name).append(": ").append(value.orElse(UNKNOWN));
	}
}
