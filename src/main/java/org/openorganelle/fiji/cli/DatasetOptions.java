package org.openorganelle.fiji.cli;

import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.discovery.Location;

import picocli.CommandLine.Option;

/** Which container to read: {@code --dataset} in the public bucket, or {@code --s3-uri}. */
final class DatasetOptions {

	@Option(names = "--dataset", paramLabel = "NAME",
			description = "Dataset in the bucket, e.g. jrc_hela-2 (env DATASET_ID).")
	private String dataset;

	@Option(names = "--s3-uri", paramLabel = "URI", description = "Address of a Zarr or N5 container, or of an array "
			+ "or level inside one (…/jrc_hela-2.n5/em/fibsem-uint16/s4, as the OpenOrganelle website gives it), "
			+ "instead of the dataset's containers in s3://janelia-cosem-datasets/<dataset>/: s3://bucket/key, "
			+ "https://bucket.s3.amazonaws.com/key, https://s3.REGION.amazonaws.com/bucket/key, "
			+ "http(s)://host:port/bucket/key, n5://… or zarr://… (Neuroglancer) or a local directory (env S3_URI).")
	private String s3Uri;

	/** The dataset name, or null when only an address was given. */
	String name() {
		return dataset == null || dataset.isEmpty() ? null : dataset;
	}

	/** Whether an address was given (rather than only a dataset). */
	boolean hasAddress() {
		return s3Uri != null && !s3Uri.trim().isEmpty();
	}

	/**
	 * The container and array a request names (see {@link DatasetLocator#locate}), explaining
	 * an unknown dataset with suggestions.
	 *
	 * @param array the --array value, or empty
	 */
	Location locate(final Session session, final String array) {
		return DatasetLocator.locate(session.stores, session.options, name(), s3Uri, array);
	}
}
