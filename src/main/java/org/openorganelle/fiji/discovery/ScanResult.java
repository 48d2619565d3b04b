package org.openorganelle.fiji.discovery;

import java.util.List;

/** The images a {@link HierarchyScanner} found, and notes on anything it skipped. */
public final class ScanResult {

	private final List<ImageEntry> images;
	private final List<String> notes;

	public ScanResult(final List<ImageEntry> images, final List<String> notes) {
		this.images = List.copyOf(images);
		this.notes = List.copyOf(notes);
	}

	/** The images found, sorted by path. */
	public List<ImageEntry> images() {
		return images;
	}

	/** Remarks for the user, e.g. that the walk was cut short. */
	public List<String> notes() {
		return notes;
	}
}
