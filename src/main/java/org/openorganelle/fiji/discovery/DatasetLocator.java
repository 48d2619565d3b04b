package org.openorganelle.fiji.discovery;

import java.util.List;

import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.StoreAddress;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;

/**
 * Where a dataset's Zarr container is: {@code <bucket>/<dataset>/<dataset>.zarr} in the
 * public bucket unless the user gives another address, and a clear diagnosis when there
 * is nothing there (unknown dataset with suggestions, or a dataset with only N5).
 */
public final class DatasetLocator {

	/** The public OpenOrganelle bucket. */
	public static final String PUBLIC_BUCKET = "s3://janelia-cosem-datasets";

	private DatasetLocator() {
	}

	/**
	 * Opens a dataset's Zarr container: {@code address} when given, else the dataset's
	 * default container in the public bucket; an empty container is explained.
	 *
	 * @param dataset the dataset name, or null when an address is given
	 * @param address the container's address, or null/empty for the default
	 * @throws org.openorganelle.fiji.NotFoundException when nothing is there (an unknown
	 *         dataset names the closest ones)
	 * @throws OpenOrganelleException when the dataset has only other (N5) containers
	 */
	public static Container open(final StoreFactory stores, final StoreOptions options, final String dataset,
			final String address) {
		final boolean explicit = address != null && !address.isEmpty();
		final StoreAddress bucket = StoreAddress.parse(PUBLIC_BUCKET);
		final StoreAddress container = explicit ? StoreAddress.parse(address) : containerAddress(bucket, dataset);
		final Container opened = Container.open(stores.open(container, options));
		if (opened.exists())
			return opened;
		if (explicit)
			throw new NotFoundException("nothing exists at " + container.toUri() + ": check the address");
		throw diagnoseMissing(stores.open(bucket, options), dataset, container.toUri());
	}

	/** The default container address of a dataset in a bucket. */
	public static StoreAddress containerAddress(final StoreAddress bucket, final String dataset) {
		if (dataset == null || dataset.isEmpty())
			throw new OpenOrganelleException("no dataset given: name one (e.g. jrc_hela-2) or give a container address");
		UserNames.dataset(dataset);
		return bucket.resolve(dataset + "/" + dataset + ".zarr");
	}

	/**
	 * Explains why a dataset's default container is empty.
	 *
	 * @param bucket the bucket's store
	 * @param dataset the dataset asked for
	 * @param container the container's URI, for the message
	 * @return an exception to throw: {@link org.openorganelle.fiji.NotFoundException} for an
	 *         unknown dataset, otherwise one naming the containers the dataset does have
	 */
	public static OpenOrganelleException diagnoseMissing(final KeyValueStore bucket, final String dataset,
			final String container) {
		final BucketBrowser browser = new BucketBrowser(bucket, DatasetCatalog.bundled());
		final List<String> containers;
		try {
			containers = browser.containers(dataset);
		} catch (final OpenOrganelleException e) {
			return e;
		}
		return new OpenOrganelleException("dataset '" + dataset + "' has no Zarr container at " + container
				+ "; it has: " + String.join(", ", containers)
				+ (containers.stream().allMatch(c -> c.endsWith(".n5"))
						? " (N5 containers are not supported; the Zarr copies are)"
						: "; give the address of one of them"));
	}
}
