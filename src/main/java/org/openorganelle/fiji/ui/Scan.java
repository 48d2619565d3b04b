package org.openorganelle.fiji.ui;

import java.util.List;

import org.openorganelle.fiji.discovery.ImageEntry;

/** The images found in a container, with the container's address. */
final class Scan {

	final String uri;
	final List<ImageEntry> images;

	Scan(final String uri, final List<ImageEntry> images) {
		this.uri = uri;
		this.images = images;
	}

	/** The container's name: the last segment of its address, e.g. {@code jrc_hela-2.zarr}. */
	String containerName() {
		String u = uri;
		while (u.endsWith("/"))
			u = u.substring(0, u.length() - 1);
		return u.substring(u.lastIndexOf('/') + 1);
	}
}
