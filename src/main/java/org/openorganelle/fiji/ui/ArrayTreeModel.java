package org.openorganelle.fiji.ui;

import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreeNode;
import javax.swing.tree.TreePath;

import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.ImageEntry;

/**
 * A dataset's arrays as a tree grouped by path: one top node per container (its
 * {@code .zarr} and its {@code .n5}), then one node per path segment
 * ({@code recon-1 › labels › groundtruth › crop1}), the arrays as leaves.
 */
final class ArrayTreeModel {

	/** A leaf: one array of a container, shown by the last segment of its path. */
	static final class Leaf {
		final String container;
		final ImageEntry image;

		Leaf(final String container, final ImageEntry image) {
			this.container = container;
			this.image = image;
		}

		@Override
		public String toString() {
			final String path = image.path();
			return path.substring(path.lastIndexOf('/') + 1);
		}
	}

	private ArrayTreeModel() {
	}

	/**
	 * @param containers the images of each container, by the container's URI, in display
	 *        order; each top node shows the container's name (e.g. {@code jrc_hela-2.zarr})
	 */
	static DefaultTreeModel of(final Map<String, List<ImageEntry>> containers) {
		final DefaultMutableTreeNode root = new DefaultMutableTreeNode("arrays");
		containers.forEach((uri, images) -> {
			final DefaultMutableTreeNode top = new DefaultMutableTreeNode(Container.nameOf(uri));
			root.add(top);
			for (final ImageEntry image : images) {
				DefaultMutableTreeNode parent = top;
				final String[] segments = image.path().split("/");
				for (int i = 0; i < segments.length - 1; i++)
					parent = child(parent, segments[i]);
				parent.add(new DefaultMutableTreeNode(new Leaf(uri, image), false));
			}
		});
		return new DefaultTreeModel(root);
	}

	/** The tree path of an array, in the first container that has it, if the tree has it. */
	static Optional<TreePath> find(final DefaultTreeModel model, final String imagePath) {
		return find(model, "", imagePath);
	}

	/**
	 * The tree path of an array of a container, if the tree has it.
	 *
	 * @param container the container's URI, or empty for the first container holding the path
	 */
	static Optional<TreePath> find(final DefaultTreeModel model, final String container, final String imagePath) {
		final Enumeration<TreeNode> nodes = ((DefaultMutableTreeNode) model.getRoot()).preorderEnumeration();
		while (nodes.hasMoreElements()) {
			final DefaultMutableTreeNode node = (DefaultMutableTreeNode) nodes.nextElement();
			if (!(node.getUserObject() instanceof Leaf))
				continue;
			final Leaf leaf = (Leaf) node.getUserObject();
			if (leaf.image.path().equals(imagePath) && (container.isEmpty() || leaf.container.equals(container)))
				return Optional.of(new TreePath(node.getPath()));
		}
		return Optional.empty();
	}

	/** The first array of the tree, preferring one of a modality (e.g. EM over labels). */
	static Optional<TreePath> firstArray(final DefaultTreeModel model, final String modality) {
		final Enumeration<TreeNode> nodes = ((DefaultMutableTreeNode) model.getRoot()).preorderEnumeration();
		TreePath first = null;
		while (nodes.hasMoreElements()) {
			final DefaultMutableTreeNode node = (DefaultMutableTreeNode) nodes.nextElement();
			if (!(node.getUserObject() instanceof Leaf))
				continue;
			final TreePath path = new TreePath(node.getPath());
			if (((Leaf) node.getUserObject()).image.modality().equals(modality))
				return Optional.of(path);
			if (first == null)
				first = path;
		}
		return Optional.ofNullable(first);
	}

	private static DefaultMutableTreeNode child(final DefaultMutableTreeNode parent, final String segment) {
		for (int i = 0; i < parent.getChildCount(); i++) {
			final DefaultMutableTreeNode child = (DefaultMutableTreeNode) parent.getChildAt(i);
			if (!(child.getUserObject() instanceof Leaf) && segment.equals(child.getUserObject()))
				return child;
		}
		final DefaultMutableTreeNode child = new DefaultMutableTreeNode(segment);
		parent.add(child);
		return child;
	}
}
