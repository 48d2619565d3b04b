package org.openorganelle.fiji.ui;

import java.util.Objects;

/**
 * Where the browser reads a container from: a dataset of the public bucket, or a container
 * address (which then wins), through an S3-compatible endpoint or AWS. Blank values are
 * empty strings; the key of the session's caches.
 */
final class Source {

	private final String endpoint;
	private final String dataset;
	private final String address;

	/**
	 * @param endpoint S3-compatible endpoint URL, or blank for AWS
	 * @param dataset a dataset of the public bucket, or blank
	 * @param address a container address (s3://, https://, a local folder), or blank
	 */
	Source(final String endpoint, final String dataset, final String address) {
		this.endpoint = strip(endpoint);
		this.address = strip(address);
		this.dataset = this.address.isEmpty() ? strip(dataset) : "";
	}

	String endpoint() {
		return endpoint;
	}

	/** The dataset name; empty when an address is given. */
	String dataset() {
		return dataset;
	}

	String address() {
		return address;
	}

	/** Whether there is anything to open: a dataset or an address. */
	boolean isChosen() {
		return !dataset.isEmpty() || !address.isEmpty();
	}

	/** What the user chose: the address when given, else the dataset. */
	String describe() {
		return address.isEmpty() ? dataset : address;
	}

	private static String strip(final String value) {
		return value == null ? "" : value.strip();
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Source))
			return false;
		final Source s = (Source) o;
		return endpoint.equals(s.endpoint) && dataset.equals(s.dataset) && address.equals(s.address);
	}

	@Override
	public int hashCode() {
		return Objects.hash(endpoint, dataset, address);
	}

	@Override
	public String toString() {
		return describe() + (endpoint.isEmpty() ? "" : " via " + endpoint);
	}
}
