package org.openorganelle.fiji.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.catalog.DatasetFacts;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.ImageEntry;
import org.openorganelle.fiji.multiscale.LevelColumns;
import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.multiscale.ScaleLevel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Prints {@code info} results as aligned tables or as JSON. */
final class InfoPrinter {

	private final PrintWriter out;
	private final boolean json;

	InfoPrinter(final PrintWriter out, final boolean json) {
		this.out = out;
		this.json = json;
	}

	/** The images of one or more containers (keyed by URI); a CONTAINER column when there are several. */
	void images(final String dataset, final DatasetFacts facts, final Map<String, List<ImageEntry>> byContainer)
			throws JsonProcessingException {
		final String first = byContainer.keySet().iterator().next();
		final boolean several = byContainer.size() > 1;
		if (json) {
			final ObjectNode root = header(dataset, first);
			root.put("title", facts == null ? null : facts.title().orElse(null));
			final ArrayNode containers = root.putArray("containers");
			byContainer.keySet().forEach(containers::add);
			final ArrayNode list = root.putArray("arrays");
			for (final Map.Entry<String, List<ImageEntry>> c : byContainer.entrySet())
				for (final ImageEntry image : c.getValue()) {
					final ObjectNode e = list.addObject().put("path", image.path()).put("container", c.getKey())
							.put("modality", image.modality())
							.put("metadata", image.isMultiscale() ? image.dialect().toString() : "single array");
					final ArrayNode levels = e.putArray("levels");
					image.levels().forEach(levels::add);
				}
			print(root);
			return;
		}
		if (dataset != null)
			out.println(dataset + (facts != null && facts.title().isPresent() ? " — " + facts.title().get() : ""));
		byContainer.keySet().forEach(uri -> out.println("container " + uri));
		final List<String[]> rows = new ArrayList<>();
		rows.add(several ? new String[] { "ARRAY", "CONTAINER", "MODALITY", "LEVELS", "METADATA" }
				: new String[] { "ARRAY", "MODALITY", "LEVELS", "METADATA" });
		int count = 0;
		for (final Map.Entry<String, List<ImageEntry>> c : byContainer.entrySet())
			for (final ImageEntry image : c.getValue()) {
				final String metadata = image.isMultiscale() ? image.dialect().toString() : "single array";
				rows.add(several ? new String[] { image.path(), Container.nameOf(c.getKey()), image.modality(),
						levelRange(image.levels()), metadata }
						: new String[] { image.path(), image.modality(), levelRange(image.levels()), metadata });
				count++;
			}
		table(rows);
		out.println(count + " arrays; show levels with: info --array PATH"
				+ (several ? " (a path in both containers means the .zarr one)" : ""));
	}


	void levels(final String dataset, final String container, final MultiscaleGroup group,
			final List<ScaleLevel> levels) throws JsonProcessingException {
		if (json) {
			final ObjectNode root = header(dataset, container);
			root.put("array", group.path());
			root.put("metadata", group.multiscale().dialect().toString());
			final ArrayNode axes = root.putArray("axes");
			group.multiscale().axes().forEach(axes::add);
			final ArrayNode list = root.putArray("levels");
			for (final ScaleLevel level : levels)
				list.add(levelJson(level));
			print(root);
			return;
		}
		out.println(group.path() + " (" + group.multiscale().dialect() + ") in " + container);
		final String axes = group.multiscale().axes().isEmpty() ? "z,y,x" : String.join(",", group.multiscale().axes());
		final List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "LEVEL", "SHAPE (" + axes + ")", "DTYPE", "CHUNKS", "SHARDS", "CODEC",
				"VOXEL nm (" + axes + ")", "OFFSET nm", "SIZE" });
		for (final ScaleLevel level : levels)
			rows.add(LevelColumns.cells(level).toArray(new String[0]));
		table(rows);
	}

	private static ObjectNode levelJson(final ScaleLevel level) {
		final ObjectNode e = Json.mapper().createObjectNode();
		e.put("name", level.name()).put("path", level.path()).put("dtype", level.dataType().numpyName())
				.put("zarr_dtype", level.dataType().descr());
		final ArrayNode shape = e.putArray("shape");
		for (final long s : level.shape())
			shape.add(s);
		final ArrayNode chunks = e.putArray("chunks");
		for (final int c : level.metadata().chunks())
			chunks.add(c);
		final ArrayNode shards = e.putArray("shards");
		level.array().layout().shardShape().ifPresent(shard -> {
			for (final long s : shard)
				shards.add(s);
		});
		e.put("codec", level.metadata().compressor().describe());
		e.put("compressor", level.metadata().compressor().id());
		final Optional<LevelTransform> t = level.transform();
		final ArrayNode voxel = e.putArray("voxel_size_nm");
		final ArrayNode translation = e.putArray("translation_nm");
		t.ifPresent(x -> {
			for (final double v : x.scaleNm())
				voxel.add(v);
			for (final double v : x.translationNm())
				translation.add(v);
		});
		e.put("chunk_count", level.metadata().chunkCount());
		e.put("bytes", level.uncompressedBytes());
		e.put("size", HumanReadable.bytes(level.uncompressedBytes()));
		return e;
	}

	private static ObjectNode header(final String dataset, final String container) {
		final ObjectNode root = Json.mapper().createObjectNode();
		root.put("dataset", dataset);
		root.put("container", container);
		return root;
	}

	private void print(final ObjectNode root) throws JsonProcessingException {
		out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
	}

	private static String levelRange(final List<String> levels) {
		if (levels.isEmpty())
			return "-";
		return levels.size() == 1 ? levels.get(0) : levels.get(0) + ".." + levels.get(levels.size() - 1);
	}

	private void table(final List<String[]> rows) {
		final int[] widths = new int[rows.get(0).length];
		for (final String[] row : rows)
			for (int c = 0; c < row.length; c++)
				widths[c] = Math.max(widths[c], row[c].length());
		for (final String[] row : rows) {
			final StringBuilder line = new StringBuilder();
			for (int c = 0; c < row.length; c++) {
				line.append(row[c]);
				if (c < row.length - 1)
					line.append(" ".repeat(widths[c] - row[c].length() + 2));
			}
			out.println(line);
		}
	}
}
