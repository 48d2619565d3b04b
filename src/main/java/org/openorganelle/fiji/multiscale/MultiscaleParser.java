package org.openorganelle.fiji.multiscale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.array.FormatException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the multiscale description from a group's attributes, in the dialects found on
 * OpenOrganelle data: OME-NGFF 0.4 (current Zarr stores), OME-Zarr 0.5 (its {@code ome}
 * attribute, on the newest Zarr v3 stores), COSEM {@code transform}
 * (N5-era and early Zarr stores) and N5-viewer {@code pixelResolution}/{@code scales}.
 * All values come out in C (array) order and nanometres.
 */
public final class MultiscaleParser {

	private MultiscaleParser() {
	}

	/**
	 * @param attributes a group's {@code .zattrs}
	 * @param uri the attributes' URI, named in errors
	 * @return the description, or empty when the attributes describe no multiscale image
	 * @throws FormatException when multiscale metadata is present but malformed
	 */
	public static Optional<Multiscale> parse(final ObjectNode attributes, final String uri) {
		try {
			return parse(attributes);
		} catch (final FormatException | IllegalArgumentException e) {
			throw new FormatException("invalid multiscale metadata in " + uri + ": " + e.getMessage(), e);
		}
	}

	private static Optional<Multiscale> parse(final ObjectNode attributes) {
		final JsonNode ome = attributes.get("ome");
		if (ome != null && ome.isObject() && ome.has("multiscales"))
			return parseFrom((ObjectNode) ome, attributes, Multiscale.Dialect.OME_ZARR_05);
		return parseFrom(attributes, attributes, Multiscale.Dialect.OME_NGFF);
	}

	/**
	 * Parses the multiscale description in {@code holder} (the attributes, or OME-Zarr 0.5's {@code ome} object).
	 *
	 * @param ome the dialect that {@code coordinateTransformations} mean there
	 */
	private static Optional<Multiscale> parseFrom(final ObjectNode holder, final ObjectNode attributes,
			final Multiscale.Dialect ome) {
		final JsonNode multiscales = holder.get("multiscales");
		if (multiscales != null && multiscales.isArray() && multiscales.size() > 0) {
			final JsonNode first = multiscales.get(0);
			final JsonNode datasets = first.get("datasets");
			if (datasets == null || !datasets.isArray() || datasets.size() == 0)
				throw new FormatException("multiscales[0].datasets is missing or empty");
			if (datasets.get(0).has("transform"))
				return Optional.of(cosem(first, attributes));
			if (datasets.get(0).has("coordinateTransformations") || first.has("axes"))
				return Optional.of(omeNgff(first, attributes, ome));
			if (attributes.has("scales") && attributes.has("pixelResolution"))
				return Optional.of(n5Viewer(attributes, paths(datasets), first.path("name").asText("")));
			return Optional.of(new Multiscale(first.path("name").asText(""), Multiscale.Dialect.LISTED,
					Collections.emptyList(), paths(datasets), Collections.emptyList(), attributes));
		}
		if (attributes.has("scales") && attributes.has("pixelResolution")) {
			final List<String> paths = new ArrayList<>();
			for (int i = 0; i < attributes.get("scales").size(); i++)
				paths.add("s" + i);
			return Optional.of(n5Viewer(attributes, paths, ""));
		}
		return Optional.empty();
	}

	private static List<String> paths(final JsonNode datasets) {
		final List<String> paths = new ArrayList<>();
		for (final JsonNode d : datasets) {
			final String path = d.path("path").asText("");
			if (path.isEmpty())
				throw new FormatException("a dataset of multiscales[0] has no path");
			paths.add(path);
		}
		return paths;
	}

	private static Multiscale omeNgff(final JsonNode multiscale, final ObjectNode attributes,
			final Multiscale.Dialect dialect) {
		final JsonNode axesNode = multiscale.path("axes");
		final List<String> axes = new ArrayList<>();
		final List<Double> factors = new ArrayList<>();
		for (final JsonNode axis : axesNode) {
			if (axis.isTextual()) {
				axes.add(axis.asText());
				factors.add(1.0);
			} else {
				axes.add(axis.path("name").asText());
				final boolean space = axis.path("type").asText("space").equals("space");
				factors.add(space ? Units.nanometresPer(axis.path("unit").asText(null)) : 1.0);
			}
		}
		final int rank = axes.size();
		final double[] globalScale = ones(rank);
		final double[] globalTranslation = new double[rank];
		transformsInto(multiscale.get("coordinateTransformations"), globalScale, globalTranslation, "multiscale");
		final List<String> paths = paths(multiscale.get("datasets"));
		final List<LevelTransform> transforms = new ArrayList<>();
		int i = 0;
		for (final JsonNode dataset : multiscale.get("datasets")) {
			final String path = paths.get(i++);
			if (!dataset.has("coordinateTransformations"))
				throw new FormatException("dataset " + path + " has no coordinateTransformations");
			final double[] scale = ones(rank);
			final double[] translation = new double[rank];
			transformsInto(dataset.get("coordinateTransformations"), scale, translation, path);
			for (int d = 0; d < rank; d++) {
				final double f = factors.get(d);
				translation[d] = (globalScale[d] * translation[d] + globalTranslation[d]) * f;
				scale[d] = globalScale[d] * scale[d] * f;
			}
			transforms.add(new LevelTransform(path, scale, translation));
		}
		return new Multiscale(multiscale.path("name").asText(""), dialect, axes, paths, transforms, attributes);
	}

	private static void transformsInto(final JsonNode list, final double[] scale, final double[] translation,
			final String where) {
		if (list == null || list.isNull())
			return;
		for (final JsonNode t : list) {
			final String type = t.path("type").asText();
			if (type.equals("scale"))
				copy(t.get("scale"), scale, where + " scale");
			else if (type.equals("translation"))
				copy(t.get("translation"), translation, where + " translation");
			else if (!type.equals("identity"))
				throw new FormatException("coordinate transformation '" + type + "' of " + where
						+ " is not supported (only scale and translation)");
		}
	}

	/** Copies a JSON list of exactly {@code into.length} numbers. */
	static void copy(final JsonNode values, final double[] into, final String what) {
		if (values == null || !values.isArray() || values.size() != into.length)
			throw new FormatException(what + " " + values + " must list " + into.length + " numbers");
		for (int d = 0; d < into.length; d++) {
			if (!values.get(d).isNumber())
				throw new FormatException(what + " " + values + " must list numbers");
			into[d] = values.get(d).doubleValue();
		}
	}

	private static Multiscale cosem(final JsonNode multiscale, final ObjectNode attributes) {
		final List<String> paths = paths(multiscale.get("datasets"));
		final List<LevelTransform> transforms = new ArrayList<>();
		List<String> axes = Collections.emptyList();
		int i = 0;
		for (final JsonNode dataset : multiscale.get("datasets")) {
			final String path = paths.get(i++);
			final CosemTransform t = CosemTransform.parse(dataset.get("transform"), path);
			axes = t.axes();
			transforms.add(t.toLevelTransform(path));
		}
		return new Multiscale(multiscale.path("name").asText(""), Multiscale.Dialect.COSEM, axes, paths, transforms,
				attributes);
	}

	private static Multiscale n5Viewer(final ObjectNode attributes, final List<String> paths, final String name) {
		final PixelResolution resolution = PixelResolution.parse(attributes.get("pixelResolution"), "");
		final int rank = resolution.rank();
		final JsonNode scales = attributes.get("scales");
		if (!scales.isArray() || scales.size() != paths.size())
			throw new FormatException("scales " + scales + " must list one factor per level " + paths);
		final List<LevelTransform> transforms = new ArrayList<>();
		for (int level = 0; level < paths.size(); level++) {
			final double[] downsampling = new double[rank];
			copy(scales.get(level), downsampling, "scales[" + level + "]");
			transforms.add(resolution.level(paths.get(level), downsampling));
		}
		final List<String> axes = new ArrayList<>();
		for (final JsonNode a : attributes.path("axes"))
			axes.add(0, a.asText());
		return new Multiscale(name, Multiscale.Dialect.N5_VIEWER, axes.size() == rank ? axes : Collections.emptyList(),
				paths, transforms, attributes);
	}

	private static double[] ones(final int rank) {
		final double[] v = new double[rank];
		Arrays.fill(v, 1);
		return v;
	}
}
