package org.openorganelle.fiji.discovery;

import java.util.ArrayList;
import java.util.List;

import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.NodePaths;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.StoreAddress;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;

/**
 * Where a dataset's containers are: {@code <bucket>/<dataset>/<dataset>.zarr} and
 * {@code <dataset>.n5} in the public bucket unless the user gives another address, which
 * array a request names, and a clear diagnosis when there is nothing there (unknown
 * dataset with suggestions).
 * <p>
 * A dataset's array path is looked up in its Zarr container first, then in its N5
 * container: a path that exists in both resolves to the Zarr copy, every time.
 */
public final class DatasetLocator {

	/** The public OpenOrganelle bucket. */
	public static final String PUBLIC_BUCKET = "s3://janelia-cosem-datasets";

	private DatasetLocator() {
	}

	/**
	 * Opens a dataset's container: the one {@code address} names (its container part, see
	 * {@link ContainerAddress}) when given, else the dataset's Zarr container in the public
	 * bucket, or its N5 container when it has no Zarr one.
	 *
	 * @param dataset the dataset name, or null when an address is given
	 * @param address the container's address, or null/empty for the default
	 * @throws org.openorganelle.fiji.NotFoundException when nothing is there (an unknown
	 *         dataset names the closest ones)
	 */
	public static Container open(final StoreFactory stores, final StoreOptions options, final String dataset,
			final String address) {
		return locate(stores, options, dataset, address, "").container();
	}

	/**
	 * Where a request points: the container and array an address names (an address inside
	 * a container names its array or level), or a dataset's container that holds
	 * {@code array} (Zarr first, then N5; when neither does, the error names the closest
	 * arrays of all of them).
	 *
	 * @param array the array path the user gave separately, or null/empty
	 * @throws OpenOrganelleException when the address names an array and {@code array} another
	 * @throws org.openorganelle.fiji.NotFoundException when nothing is there
	 */
	public static Location locate(final StoreFactory stores, final StoreOptions options, final String dataset,
			final String address, final String array) {
		final String given = array == null || array.trim().isEmpty() ? "" : UserNames.path("array", array.trim());
		if (address != null && !address.trim().isEmpty()) {
			final ContainerAddress split = ContainerAddress.parse(address);
			if (!split.path().isEmpty() && !given.isEmpty() && !NodePaths.normalize(given).equals(split.path()))
				throw new OpenOrganelleException("the address " + address + " already names the array " + split.path()
						+ " but --array is " + given + "; give the container's address (" + split.container()
						+ ") with --array, or the array's address alone");
			final StoreAddress container = StoreAddress.parse(split.container());
			final Container opened = Container.open(stores.open(container, options));
			if (!opened.exists())
				throw new NotFoundException("nothing exists at " + container.toUri() + ": check the address");
			return new Location(opened, split.path().isEmpty() ? given : split.path());
		}
		final List<Container> containers = datasetContainers(stores, options, dataset);
		if (given.isEmpty() || containers.size() == 1)
			return new Location(containers.get(0), given);
		for (final Container c : containers)
			if (!c.store().list(NodePaths.normalize(given)).isEmpty())
				return new Location(c, given);
		final List<String> names = new ArrayList<>();
		final List<String> paths = new ArrayList<>();
		for (final Container c : containers) {
			names.add(c.uri());
			paths.addAll(c.imagePaths());
		}
		throw new NotFoundException("array", given, String.join(" or ", names), paths);
	}

	/**
	 * Every container of a dataset in the public bucket, Zarr first then N5 (one listing of
	 * the dataset's prefix; the containers are not read).
	 *
	 * @throws org.openorganelle.fiji.NotFoundException for an unknown dataset, naming the closest ones
	 * @throws OpenOrganelleException when the dataset has no Zarr or N5 container
	 */
	public static List<Container> datasetContainers(final StoreFactory stores, final StoreOptions options,
			final String dataset) {
		final StoreAddress bucket = StoreAddress.parse(PUBLIC_BUCKET);
		requireDatasetName(dataset);
		final KeyValueStore bucketStore = stores.open(bucket, options);
		final List<String> names = new BucketBrowser(bucketStore, DatasetCatalog.bundled()).containers(dataset);
		if (names.isEmpty())
			throw new OpenOrganelleException("dataset '" + dataset + "' in " + bucket.toUri()
					+ " has no .zarr or .n5 container");
		final List<Container> containers = new ArrayList<>();
		for (final String name : names)
			containers.add(Container.open(stores.open(bucket.resolve(dataset + "/" + name), options)));
		return containers;
	}

	private static void requireDatasetName(final String dataset) {
		if (dataset == null || dataset.isEmpty())
			throw new OpenOrganelleException("no dataset given: name one (e.g. jrc_hela-2) or give a container address");
		UserNames.dataset(dataset);
	}

}
