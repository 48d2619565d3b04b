package org.openorganelle.fiji.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openorganelle.fiji.array.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The facts this project knows about OpenOrganelle datasets, from the bundled
 * {@code datasets.json} (sources named per dataset). Datasets not in the catalog still
 * work everywhere; their records just carry fewer facts.
 */
public final class DatasetCatalog {

	private static final String RESOURCE = "datasets.json";

	private final Map<String, DatasetFacts> datasets;

	private DatasetCatalog(final Map<String, DatasetFacts> datasets) {
		this.datasets = datasets;
	}

	/** The bundled catalog. */
	public static DatasetCatalog bundled() {
		try (InputStream in = DatasetCatalog.class.getResourceAsStream(RESOURCE)) {
			if (in == null)
				throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
			final JsonNode root = Json.mapper().readTree(in);
			final Map<String, DatasetFacts> datasets = new LinkedHashMap<>();
			final Iterator<Map.Entry<String, JsonNode>> entries = root.get("datasets").fields();
			while (entries.hasNext()) {
				final Map.Entry<String, JsonNode> e = entries.next();
				datasets.put(e.getKey(), new DatasetFacts(e.getKey(), (ObjectNode) e.getValue()));
			}
			return new DatasetCatalog(datasets);
		} catch (final IOException e) {
			throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
		}
	}

	/** The facts of a dataset, if catalogued. */
	public Optional<DatasetFacts> find(final String dataset) {
		return Optional.ofNullable(datasets.get(dataset));
	}

	/** Catalogued datasets that exist, in catalog order. */
	public List<String> existingDatasets() {
		final List<String> names = new ArrayList<>();
		datasets.values().stream().filter(DatasetFacts::exists).forEach(f -> names.add(f.id()));
		return names;
	}
}
