package org.openorganelle.fiji.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.array.ContainerFormat;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.NodePaths;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.n5.N5Format;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.zarr.ConsolidatedMetadata;
import org.openorganelle.fiji.zarr.ZarrV2Format;

/**
 * A Zarr (v2 or v3) or N5 container (e.g. {@code s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.zarr}
 * or {@code …/jrc_hela-2.n5}): the images inside it and access to each. Consolidated
 * metadata is used when a Zarr container has it.
 */
public final class Container {

	/** Concurrent listings while scanning. */
	public static final int SCAN_PARALLELISM = 8;

	private final KeyValueStore store;
	private final ContainerFormat format;

	private Container(final KeyValueStore store, final ContainerFormat format) {
		this.store = store;
		this.format = format;
	}

	/**
	 * A container over a store rooted at its top: N5 when its name ends in {@code .n5};
	 * otherwise a Zarr v2 container with consolidated metadata when it has {@code .zmetadata}
	 * (one read answers everything after), else the format its root shows
	 * ({@link ContainerFormats}: Zarr v3, N5 or Zarr v2).
	 */
	public static Container open(final KeyValueStore store) {
		if (ContainerFormats.hasN5Name(store))
			return new Container(store, N5Format.INSTANCE);
		final Optional<KeyValueStore> consolidated = ConsolidatedMetadata.open(store);
		if (consolidated.isPresent())
			return new Container(consolidated.get(), ZarrV2Format.INSTANCE);
		return new Container(store, ContainerFormats.detect(store));
	}

	/** The store of the container (the consolidated view when there is one). */
	public KeyValueStore store() {
		return store;
	}

	/** The container's format. */
	public ContainerFormat format() {
		return format;
	}

	/** A container's name: the last segment of its URI, e.g. {@code jrc_hela-2.zarr}. */
	public static String nameOf(final String uri) {
		final String trimmed = uri.replaceAll("/+$", "");
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

	/** The container's URI. */
	public String uri() {
		return store.uri("");
	}

	/** Whether anything at all exists in the container (one listing). */
	public boolean exists() {
		return !store.list("").isEmpty();
	}

	/** The images below a path ("" for all), by walking the tree (see {@link HierarchyScanner}). */
	public ScanResult images(final String under) {
		return new HierarchyScanner(store, format, SCAN_PARALLELISM).scan(under);
	}

	/**
	 * Opens the multiscale image at a path.
	 *
	 * @throws NotFoundException when nothing is there, suggesting the closest image paths
	 * @throws FormatException when the path exists but holds no multiscale image
	 */
	public MultiscaleGroup image(final String path) {
		final String p = NodePaths.normalize(path);
		if (p.isEmpty() || store.list(p).isEmpty())
			throw new NotFoundException("array", path, uri(), imagePaths());
		return MultiscaleGroup.open(store, format, p);
	}

	/** The paths of every image in the container. */
	public List<String> imagePaths() {
		final List<String> paths = new ArrayList<>();
		images("").images().forEach(i -> paths.add(i.path()));
		return paths;
	}
}
