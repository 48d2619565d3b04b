package org.openorganelle.fiji.discovery;

import java.util.ArrayList;
import java.util.List;

import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.zarr.ConsolidatedMetadata;
import org.openorganelle.fiji.zarr.ZarrFormatException;
import org.openorganelle.fiji.zarr.ZarrPaths;

/**
 * A Zarr container (e.g. {@code s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.zarr}):
 * the images inside it and access to each. Consolidated metadata is used when the
 * container has it.
 */
public final class Container {

	/** Concurrent listings while scanning. */
	public static final int SCAN_PARALLELISM = 8;

	private final KeyValueStore store;

	private Container(final KeyValueStore store) {
		this.store = store;
	}

	/** A container over a store rooted at its top (reads {@code .zmetadata} if present). */
	public static Container open(final KeyValueStore store) {
		return new Container(ConsolidatedMetadata.open(store).orElse(store));
	}

	/** The store of the container (the consolidated view when there is one). */
	public KeyValueStore store() {
		return store;
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
		return new HierarchyScanner(store, SCAN_PARALLELISM).scan(under);
	}

	/**
	 * Opens the multiscale image at a path.
	 *
	 * @throws NotFoundException when nothing is there, suggesting the closest image paths
	 * @throws ZarrFormatException when the path exists but holds no multiscale image
	 */
	public MultiscaleGroup image(final String path) {
		final String p = ZarrPaths.normalize(path);
		if (p.isEmpty() || store.list(p).isEmpty())
			throw new NotFoundException("array", path, uri(), imagePaths());
		return MultiscaleGroup.open(store, p);
	}

	/** The paths of every image in the container. */
	public List<String> imagePaths() {
		final List<String> paths = new ArrayList<>();
		images("").images().forEach(i -> paths.add(i.path()));
		return paths;
	}
}
