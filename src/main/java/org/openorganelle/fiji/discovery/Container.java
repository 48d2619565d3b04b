package org.openorganelle.fiji.discovery;

import java.util.ArrayList;
import java.util.List;

import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.array.ContainerFormat;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.NodePaths;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.zarr.ConsolidatedMetadata;
import org.openorganelle.fiji.zarr.ZarrV2Format;

/**
 * A Zarr or N5 container (e.g. {@code s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.zarr}
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
	 * A container over a store rooted at its top, in the format its name says ({@code .n5},
	 * {@code .zarr}) or, for other names, the one its root shows (an N5 {@code attributes.json}
	 * with an {@code n5} version; Zarr v2 otherwise). A Zarr container's {@code .zmetadata} is
	 * used when present.
	 */
	public static Container open(final KeyValueStore store) {
		final ContainerFormat format = ContainerFormats.detect(store);
		if (format != ZarrV2Format.INSTANCE)
			return new Container(store, format);
		return new Container(ConsolidatedMetadata.open(store).orElse(store), format);
	}

	/** The store of the container (the consolidated view when there is one). */
	public KeyValueStore store() {
		return store;
	}

	/** The container's format. */
	public ContainerFormat format() {
		return format;
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
