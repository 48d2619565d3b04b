package org.openorganelle.fiji.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.openorganelle.fiji.DaemonThreads;
import org.openorganelle.fiji.array.ContainerFormat;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Node;
import org.openorganelle.fiji.array.NodePaths;
import org.openorganelle.fiji.multiscale.Multiscale;
import org.openorganelle.fiji.multiscale.MultiscaleParser;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.Listing;

/**
 * Finds the images of a container (any {@link ContainerFormat}) by walking its tree: one
 * listing per group, siblings listed in parallel, a node's attributes read only when the
 * listing shows it; the walk stops at multiscale groups and arrays, so no level or chunk below them is
 * listed and no chunk byte is read. Groups without multiscale attributes whose children
 * {@code s0, s1, ...} are arrays are reported as multiscale images with listed levels.
 */
public final class HierarchyScanner {

	/** The walk stops (with a note) after this many groups, to bound the cost on huge trees. */
	public static final int MAX_GROUPS = 20_000;

	private static final Pattern LEVEL_NAME = Pattern.compile("s\\d+");

	private final KeyValueStore store;
	private final ContainerFormat format;
	private final int parallelism;

	/**
	 * @param store the container (use {@link org.openorganelle.fiji.zarr.ConsolidatedMetadata}
	 *        when it has {@code .zmetadata})
	 * @param format the container's format
	 * @param parallelism concurrent listings
	 */
	public HierarchyScanner(final KeyValueStore store, final ContainerFormat format, final int parallelism) {
		if (parallelism < 1)
			throw new IllegalArgumentException("parallelism must be positive");
		this.store = store;
		this.format = format;
		this.parallelism = parallelism;
	}

	/**
	 * Walks the tree below a path.
	 *
	 * @param under a group path, or "" for the whole container
	 * @return the images found, sorted by path
	 */
	public ScanResult scan(final String under) {
		final ExecutorService pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.named(
				"openorganelle-scan"));
		try {
			return walk(NodePaths.normalize(under), pool);
		} finally {
			pool.shutdownNow();
		}
	}

	private ScanResult walk(final String root, final ExecutorService pool) {
		final Map<String, ImageEntry> images = new TreeMap<>();
		final List<String> singleArrays = new ArrayList<>();
		final List<String> notes = new ArrayList<>();
		List<String> frontier = List.of(root);
		int visited = 0;
		while (!frontier.isEmpty()) {
			if (visited + frontier.size() > MAX_GROUPS) {
				notes.add("stopped after listing " + visited + " groups; give an array path to look deeper");
				break;
			}
			visited += frontier.size();
			final List<Future<Visit>> futures = new ArrayList<>();
			for (final String node : frontier)
				futures.add(pool.submit(() -> visit(node)));
			final List<String> next = new ArrayList<>();
			for (final Future<Visit> f : futures) {
				final Visit v = Futures.await(f, "the container");
				if (v.image != null)
					images.put(v.image.path(), v.image);
				else if (v.isArray)
					singleArrays.add(v.path);
				if (v.note != null)
					notes.add(v.note);
				next.addAll(v.children);
			}
			frontier = next;
		}
		groupListedLevels(singleArrays, images);
		return new ScanResult(new ArrayList<>(images.values()), notes);
	}

	private static void groupListedLevels(final List<String> arrays, final Map<String, ImageEntry> images) {
		final Map<String, List<String>> levelsByParent = new TreeMap<>();
		for (final String path : arrays) {
			final String name = NodePaths.name(path);
			final String parent = path.length() > name.length() ? path.substring(0, path.length() - name.length() - 1)
					: "";
			if (LEVEL_NAME.matcher(name).matches())
				levelsByParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(name);
			else
				images.put(path, new ImageEntry(path, null, List.of()));
		}
		for (final Map.Entry<String, List<String>> e : levelsByParent.entrySet()) {
			final List<String> levels = e.getValue();
			levels.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))));
			images.put(e.getKey(), new ImageEntry(e.getKey(), Multiscale.Dialect.LISTED, levels));
		}
	}

	private Visit visit(final String node) {
		final Listing listing = store.list(node);
		String note = null;
		try {
			final Node kind = format.node(store, node, listing);
			if (kind.isArray())
				return new Visit(node, null, true, Collections.emptyList(), null);
			final Optional<Multiscale> multiscale = kind.attributes()
					.flatMap(attributes -> MultiscaleParser.parse(attributes, store.uri(node)));
			if (multiscale.isPresent())
				return new Visit(node, new ImageEntry(node, multiscale.get().dialect(), multiscale.get().levelPaths()),
						false, Collections.emptyList(), null);
		} catch (final FormatException e) {
			note = "skipped the attributes of " + store.uri(node) + ": " + e.getMessage();
		}
		final List<String> children = new ArrayList<>();
		for (final String child : listing.prefixes())
			children.add(NodePaths.child(node, child));
		return new Visit(node, null, false, children, note);
	}

	private static final class Visit {
		final String path;
		final ImageEntry image;
		final boolean isArray;
		final List<String> children;
		final String note;

		Visit(final String path, final ImageEntry image, final boolean isArray, final List<String> children,
				final String note) {
			this.path = path;
			this.image = image;
			this.isArray = isArray;
			this.children = children;
			this.note = note;
		}
	}
}
