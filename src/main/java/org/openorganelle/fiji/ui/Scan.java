package org.openorganelle.fiji.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.ImageEntry;

/** The images found in a source's containers (one or more), by container URI, in display order. */
final class Scan {

	final Map<String, List<ImageEntry>> byContainer;

	Scan(final Map<String, List<ImageEntry>> byContainer) {
		this.byContainer = byContainer;
	}

	/** How many images all containers hold. */
	int count() {
		return byContainer.values().stream().mapToInt(List::size).sum();
	}

	/** Where the images were found: the container's URI, or the names of several containers. */
	String where() {
		if (byContainer.size() == 1)
			return byContainer.keySet().iterator().next();
		final List<String> names = new ArrayList<>();
		byContainer.keySet().forEach(uri -> names.add(Container.nameOf(uri)));
		return String.join(" and ", names);
	}
}

