package org.openorganelle.fiji.discovery;

import java.util.ArrayList;
import java.util.List;

import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.catalog.DatasetFacts;
import org.openorganelle.fiji.store.KeyValueStore;

/**
 * The datasets of an OpenOrganelle bucket and the containers of each, by delimiter
 * listings of the bucket root and of a dataset prefix (no object is read).
 */
public final class BucketBrowser {

	private final KeyValueStore bucket;
	private final DatasetCatalog catalog;

	/**
	 * @param bucket a store rooted at the bucket (e.g. {@code s3://janelia-cosem-datasets})
	 * @param catalog facts used to explain names that do not exist
	 */
	public BucketBrowser(final KeyValueStore bucket, final DatasetCatalog catalog) {
		this.bucket = bucket;
		this.catalog = catalog;
	}

	/** The dataset names at the bucket root (one paginated delimiter listing). */
	public List<String> datasets() {
		return bucket.list("").prefixes();
	}

	/**
	 * The containers of a dataset: its {@code <dataset>.zarr} and {@code <dataset>.n5} (or
	 * other {@code .zarr}/{@code .n5}) prefixes.
	 *
	 * @throws NotFoundException when the dataset does not exist, suggesting the closest names
	 */
	public List<String> containers(final String dataset) {
		final List<String> containers = new ArrayList<>();
		for (final String child : bucket.list(dataset).prefixes())
			if (child.endsWith(".zarr") || child.endsWith(".n5"))
				containers.add(child);
		if (containers.isEmpty())
			requireDataset(dataset);
		return containers;
	}

	/**
	 * @throws NotFoundException when the bucket has no such dataset, naming the closest ones
	 *         and, for names the catalog knows not to exist, why
	 */
	public void requireDataset(final String dataset) {
		final List<String> datasets = datasets();
		if (datasets.contains(dataset))
			return;
		final String hint = catalog.find(dataset).flatMap(DatasetFacts::note).orElse("");
		throw new NotFoundException("dataset", dataset, bucket.uri(""), datasets, hint);
	}
}
