package org.openorganelle.fiji.multiscale;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The multiscale description of a group, as read from its attributes: axis names, the
 * level paths from finest to coarsest and, where the metadata gives them, each level's
 * physical transform. No array metadata is read to build it.
 */
public final class Multiscale {

	/** The metadata dialect the description was read from. */
	public enum Dialect {
		/** OME-NGFF 0.4 {@code multiscales} with {@code coordinateTransformations}. */
		OME_NGFF("OME-NGFF"),
		/** OME-Zarr 0.5: the same multiscales under the {@code ome} attribute (Zarr v3). */
		OME_ZARR_05("OME-Zarr 0.5"),
		/** COSEM {@code multiscales[].datasets[].transform} (or per-array {@code transform}). */
		COSEM("COSEM transform"),
		/** N5-viewer {@code pixelResolution} and {@code scales}. */
		N5_VIEWER("N5-viewer pixelResolution/scales"),
		/** Levels found by listing; the metadata gives no geometry. */
		LISTED("listed levels, no geometry");

		private final String label;

		Dialect(final String label) {
			this.label = label;
		}

		@Override
		public String toString() {
			return label;
		}
	}

	private final String name;
	private final Dialect dialect;
	private final List<String> axes;
	private final List<String> levelPaths;
	private final List<LevelTransform> transforms;
	private final ObjectNode attributes;

	/**
	 * @param transforms one per level path, or empty when the metadata gives no geometry
	 */
	public Multiscale(final String name, final Dialect dialect, final List<String> axes, final List<String> levelPaths,
			final List<LevelTransform> transforms, final ObjectNode attributes) {
		if (!transforms.isEmpty() && transforms.size() != levelPaths.size())
			throw new IllegalArgumentException("one transform per level expected");
		this.name = name;
		this.dialect = dialect;
		this.axes = List.copyOf(axes);
		this.levelPaths = List.copyOf(levelPaths);
		this.transforms = List.copyOf(transforms);
		this.attributes = attributes;
	}

	/** The name the metadata gives the multiscale image (often empty). */
	public String name() {
		return name;
	}

	public Dialect dialect() {
		return dialect;
	}

	/** Axis names in array order, e.g. {@code [z, y, x]}; empty when unknown. */
	public List<String> axes() {
		return axes;
	}

	/** Level paths relative to the group, finest first, e.g. {@code [s0, s1, ...]}. */
	public List<String> levelPaths() {
		return levelPaths;
	}

	/** The transform of a level, if the group's metadata gives one. */
	public Optional<LevelTransform> transform(final String levelPath) {
		for (final LevelTransform t : transforms)
			if (t.path().equals(levelPath))
				return Optional.of(t);
		return Optional.empty();
	}

	/** The group's raw attributes (a copy), for provenance records. */
	public ObjectNode attributes() {
		return attributes.deepCopy();
	}
}
