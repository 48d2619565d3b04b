package org.openorganelle.fiji.cli;

import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.DatasetLocator;

import picocli.CommandLine.Option;

/** Which container to read: {@code --dataset} in the public bucket, or {@code --s3-uri}. */
final class DatasetOptions {

	@Option(names = "--dataset", paramLabel = "NAME",
			description = "Dataset in the bucket, e.g. jrc_hela-2 (env DATASET_ID).")
	private String dataset;

	@Option(names = "--s3-uri", paramLabel = "URI", description = "Address of the Zarr container instead of the "
			+ "default s3://janelia-cosem-datasets/<dataset>/<dataset>.zarr: s3://bucket/key, "
			+ "https://bucket.s3.amazonaws.com/key, https://s3.REGION.amazonaws.com/bucket/key, "
			+ "http(s)://host:port/bucket/key or a local directory (env S3_URI).")
	private String s3Uri;

	/** The dataset name, or null when only an address was given. */
	String name() {
		return dataset == null || dataset.isEmpty() ? null : dataset;
	}

	/**
	 * Opens the container, explaining an empty one: unknown dataset (with suggestions) or a
	 * dataset without a Zarr container.
	 */
	Container openContainer(final Session session) {
		return DatasetLocator.open(session.stores, session.options, name(), s3Uri);
	}
}
