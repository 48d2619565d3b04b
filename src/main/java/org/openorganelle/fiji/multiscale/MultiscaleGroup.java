package org.openorganelle.fiji.multiscale;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.ContainerFormat;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.NodePaths;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.Listing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A multiscale image in a Zarr or N5 hierarchy (e.g. {@code recon-2/em/fibsem-int16}):
 * the group's multiscale description, and its levels opened on demand. Opening reads the
 * group's attributes only (plus one listing when the attributes name no levels); each
 * level costs one metadata read ({@code .zarray}, plus {@code .zattrs} when the group
 * gives no geometry; N5's {@code attributes.json} holds both); no chunk is read.
 */
public final class MultiscaleGroup {

	private static final Pattern LEVEL_NAME = Pattern.compile("s\\d+");

	private final KeyValueStore store;
	private final ContainerFormat format;
	private final String path;
	private final Multiscale multiscale;

	public MultiscaleGroup(final KeyValueStore store, final ContainerFormat format, final String path,
			final Multiscale multiscale) {
		this.store = store;
		this.format = format;
		this.path = NodePaths.normalize(path);
		this.multiscale = multiscale;
	}

	/**
	 * Opens the multiscale group at a path.
	 *
	 * @throws FormatException when the path holds no multiscale group
	 */
	public static MultiscaleGroup open(final KeyValueStore store, final ContainerFormat format, final String path) {
		return find(store, format, path).orElseThrow(() -> new FormatException("no multiscale image at "
				+ store.uri(NodePaths.normalize(path)) + ": its attributes describe none and it has no s0, s1, ... levels"));
	}

	/**
	 * The multiscale group at a path, if there is one: described by its attributes, or a
	 * group whose children {@code s0, s1, ...} are its levels.
	 *
	 * @throws FormatException when its multiscale attributes are malformed
	 */
	public static Optional<MultiscaleGroup> find(final KeyValueStore store, final ContainerFormat format,
			final String path) {
		final String group = NodePaths.normalize(path);
		final Optional<ObjectNode> attributes = format.attributes(store, group);
		final Optional<Multiscale> described = attributes.flatMap(a -> MultiscaleParser.parse(a, store.uri(group)));
		if (described.isPresent())
			return Optional.of(new MultiscaleGroup(store, format, group, described.get()));
		final List<String> levels = listedLevels(store.list(group));
		if (levels.isEmpty())
			return Optional.empty();
		return Optional.of(new MultiscaleGroup(store, format, group, new Multiscale("", Multiscale.Dialect.LISTED, List.of(),
				levels, List.of(), attributes.orElseGet(() -> Json.mapper().createObjectNode()))));
	}

	/** The names of children that look like pyramid levels ({@code s0}, {@code s1}, ...), finest first. */
	static List<String> listedLevels(final Listing listing) {
		final List<String> levels = new ArrayList<>();
		for (final String name : listing.prefixes())
			if (LEVEL_NAME.matcher(name).matches())
				levels.add(name);
		levels.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))));
		return levels;
	}

	/** The store (container) the group is in. */
	public KeyValueStore store() {
		return store;
	}

	/** The container's format. */
	public ContainerFormat format() {
		return format;
	}

	/** The group's path in its store. */
	public String path() {
		return path;
	}

	/** The group's absolute URI. */
	public String uri() {
		return store.uri(path);
	}

	public Multiscale multiscale() {
		return multiscale;
	}

	/** Level names, finest first. */
	public List<String> levelNames() {
		return multiscale.levelPaths();
	}

	/**
	 * Opens one level: reads its array metadata and, when the group gives no geometry, the
	 * level's own attributes (COSEM {@code transform} or N5 {@code pixelResolution}).
	 *
	 * @throws NotFoundException naming the valid levels when there is no such level
	 */
	public ScaleLevel level(final String name) {
		if (!levelNames().contains(name))
			throw new NotFoundException("level", name, uri(), levelNames());
		final ChunkedArray array = format.openArray(store, NodePaths.child(path, name));
		final LevelTransform transform = multiscale.transform(name)
				.orElseGet(() -> format.attributes(array).flatMap(a -> ArrayGeometry.parse(a, name, array.uri()))
						.orElse(null));
		return new ScaleLevel(name, array, transform);
	}

	/** All levels, finest first (one {@code .zarray} read each). */
	public List<ScaleLevel> levels() {
		final List<ScaleLevel> levels = new ArrayList<>();
		for (final String name : levelNames())
			levels.add(level(name));
		return levels;
	}
}
