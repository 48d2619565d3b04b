package org.openorganelle.fiji.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What is known about one OpenOrganelle dataset: title, organism, sample, protocol,
 * institution, imaging start date, voxel size, DOIs and publications. A fact that is
 * not known is empty, never guessed; {@link #thirdPartyFields()} names facts taken from
 * third-party sources.
 */
public final class DatasetFacts {

	private final String id;
	private final ObjectNode json;

	DatasetFacts(final String id, final ObjectNode json) {
		this.id = id;
		this.json = json;
	}

	public String id() {
		return id;
	}

	/** False for names users ask for that do not exist in the bucket (see {@link #seeAlso()}). */
	public boolean exists() {
		return json.path("exists").asBoolean(true);
	}

	public Optional<String> title() {
		return text("title");
	}

	public Optional<String> organism() {
		return text("organism");
	}

	public Optional<String> sample() {
		return text("sample");
	}

	public Optional<String> protocol() {
		return text("protocol");
	}

	public Optional<String> institution() {
		return text("institution");
	}

	/** ISO date (yyyy-mm-dd) the imaging started. */
	public Optional<String> imagingStartDate() {
		return text("imaging_start_date");
	}

	/** The known EM array of the dataset's Zarr container, e.g. {@code recon-1/em/fibsem-uint8}. */
	public Optional<String> emArray() {
		return text("em_array");
	}

	/** Voxel size of the full-resolution EM in nm, z, y, x. */
	public Optional<double[]> voxelSizeNm() {
		final JsonNode v = json.get("voxel_size_nm");
		if (v == null || v.isNull())
			return Optional.empty();
		return Optional.of(new double[] { v.get("z").doubleValue(), v.get("y").doubleValue(), v.get("x").doubleValue() });
	}

	/** DOIs by role ("EM", "segmentations"). */
	public List<Map.Entry<String, String>> dois() {
		final List<Map.Entry<String, String>> dois = new ArrayList<>();
		for (final JsonNode d : json.path("dois"))
			dois.add(Map.entry(d.path("role").asText(), d.path("doi").asText()));
		return dois;
	}

	/** Existing datasets to suggest instead, for names that do not exist. */
	public List<String> seeAlso() {
		final List<String> names = new ArrayList<>();
		json.path("see_also").forEach(n -> names.add(n.asText()));
		return names;
	}

	/** A remark for users, e.g. why a name does not exist. */
	public Optional<String> note() {
		return text("note");
	}

	/** Where the facts come from. */
	public Optional<String> source() {
		return text("source");
	}

	/** Names of facts taken from third-party sources, not independently verified. */
	public List<String> thirdPartyFields() {
		final List<String> names = new ArrayList<>();
		json.path("third_party").forEach(n -> names.add(n.asText()));
		return Collections.unmodifiableList(names);
	}

	/** The known facts as JSON, without null (unknown) fields. */
	public ObjectNode knownFacts() {
		final ObjectNode copy = json.deepCopy();
		final Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
		while (fields.hasNext()) {
			final JsonNode value = fields.next().getValue();
			if (value.isNull() || value.isArray() && value.size() == 0)
				fields.remove();
		}
		return copy;
	}

	private Optional<String> text(final String field) {
		final JsonNode v = json.get(field);
		return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
	}
}
