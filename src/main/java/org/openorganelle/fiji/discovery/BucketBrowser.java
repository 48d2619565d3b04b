package org.openorganelle.fiji.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.openorganelle.fiji.DaemonThreads;
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
	 * other {@code .zarr}/{@code .n5}) prefixes: the {@code .zarr} ones first, and of each kind the one
	 * named after the dataset first.
	 *
	 * @throws NotFoundException when the dataset does not exist, suggesting the closest names
	 */
	public List<String> containers(final String dataset) {
		final List<String> containers = listedContainers(dataset);
		if (containers.isEmpty())
			requireDataset(dataset);
		return containers;
	}

	/**
	 * The containers of each dataset, by dataset (one listing per dataset, {@code parallelism}
	 * at a time); a dataset without any has an empty list.
	 */
	public Map<String, List<String>> containersOfEach(final List<String> datasets, final int parallelism) {
		final ExecutorService pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.named(
				"openorganelle-list"));
		try {
			final Map<String, Future<List<String>>> futures = new LinkedHashMap<>();
			for (final String dataset : datasets)
				futures.put(dataset, pool.submit(() -> listedContainers(dataset)));
			final Map<String, List<String>> containers = new LinkedHashMap<>();
			for (final Map.Entry<String, Future<List<String>>> e : futures.entrySet())
				containers.put(e.getKey(), Futures.await(e.getValue(), "the datasets"));
			return containers;
		} finally {
			pool.shutdownNow();
		}
	}

	private List<String> listedContainers(final String dataset) {
		final List<String> containers = new ArrayList<>();
		for (final String child : bucket.list(dataset).prefixes())
			if (child.endsWith(".zarr") || child.endsWith(".n5"))
				containers.add(child);
		containers.sort(Comparator.comparing((String c) -> !c.endsWith(".zarr")).thenComparing(c -> !c.equals(dataset
				+ ".zarr") && !c.equals(dataset + ".n5")));
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
