package org.openorganelle.fiji.array;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a node of a container is: an array, or a group with or without attributes. */
public final class Node {

	private static final Node ARRAY = new Node(true, null);

	private final boolean array;
	private final ObjectNode attributes;

	private Node(final boolean array, final ObjectNode attributes) {
		this.array = array;
		this.attributes = attributes;
	}

	/** An array node (its attributes are read when the array is opened). */
	public static Node array() {
		return ARRAY;
	}

	/** A group node, with its attributes when it has any. */
	public static Node group(final Optional<ObjectNode> attributes) {
		return new Node(false, attributes.orElse(null));
	}

	public boolean isArray() {
		return array;
	}

	/** A group's attributes; empty for arrays and for groups without any. */
	public Optional<ObjectNode> attributes() {
		return Optional.ofNullable(attributes);
	}
}
