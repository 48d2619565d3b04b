package org.openorganelle.fiji.discovery;

/** Where a user's request points: a container, and the array path inside it (empty when none was named). */
public final class Location {

	private final Container container;
	private final String array;

	Location(final Container container, final String array) {
		this.container = container;
		this.array = array;
	}

	public Container container() {
		return container;
	}

	/** The array (or level) path inside the container; empty when none was named. */
	public String array() {
		return array;
	}
}
