package org.openorganelle.fiji.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.WindowConstants;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreeSelectionModel;

/**
 * The OpenOrganelle browser window's components and layout: address and endpoint on
 * top; the datasets (with a filter) on the left; the chosen dataset's arrays as a tree
 * and the chosen array's levels as a table in the middle; the dataset's facts and a
 * thumbnail on the right; the open and export buttons below. Every area has a
 * {@link StatusLine}; every component a test needs has a name. The behaviour is
 * {@link BrowserController}'s; this class only builds the view. Event thread only.
 */
final class BrowserWindow extends JFrame {

	private static final long serialVersionUID = 1L;

	/** The thumbnail's side, in pixels. */
	static final int THUMBNAIL_SIZE = 256;

	final JTextField address = Widgets.named(new JTextField(36), "address");
	final JButton addressOpen = Widgets.named(new JButton("Open"), "addressOpen");
	final JTextField endpoint = Widgets.named(new JTextField(24), "endpoint");
	final JButton endpointOpen = Widgets.named(new JButton("Open"), "endpointOpen");
	final JTextField datasetFilter = Widgets.named(new JTextField(8), "datasetFilter");
	final DefaultListModel<String> datasetItems = new DefaultListModel<>();
	final JList<String> datasets = Widgets.named(new JList<>(datasetItems), "datasets");
	final StatusLine datasetsStatus = new StatusLine("datasets");
	final JTree arrays = Widgets.named(new JTree(new DefaultTreeModel(new DefaultMutableTreeNode("arrays"))), "arrays");
	final StatusLine arraysStatus = new StatusLine("arrays");
	final LevelTableModel levelRows = new LevelTableModel();
	final JTable levels = Widgets.named(new JTable(levelRows), "levels");
	final StatusLine levelsStatus = new StatusLine("levels");
	final JTextArea facts = Widgets.named(new JTextArea(7, 28), "facts");
	final StatusLine factsStatus = new StatusLine("facts");
	final JLabel thumbnail = Widgets.named(new JLabel("", SwingConstants.CENTER), "thumbnail");
	final StatusLine thumbnailStatus = new StatusLine("thumbnail");
	final JButton openBigDataViewer = Widgets.named(new JButton("Open in BigDataViewer"), "openBigDataViewer");
	final JButton openVirtualStack = Widgets.named(new JButton("Open as virtual stack"), "openVirtualStack");
	final JButton export = Widgets.named(new JButton("Export…"), "export");
	final StatusLine previewStatus = new StatusLine("preview");

	BrowserWindow() {
		super("OpenOrganelle Browser");
		setName("openOrganelleBrowser");
		setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
		datasets.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
		datasets.setPrototypeCellValue("jrc_macrophage-2");
		arrays.setRootVisible(false);
		arrays.setShowsRootHandles(true);
		arrays.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
		levels.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
		levels.setFillsViewportHeight(true);
		facts.setEditable(false);
		facts.setLineWrap(true);
		facts.setWrapStyleWord(true);
		facts.setOpaque(false);
		thumbnail.setPreferredSize(new Dimension(THUMBNAIL_SIZE, THUMBNAIL_SIZE));
		thumbnail.setBorder(BorderFactory.createEtchedBorder());

		final JSplitPane arraysAndLevels = new JSplitPane(JSplitPane.VERTICAL_SPLIT,
				area("Arrays", new JScrollPane(arrays), arraysStatus),
				area("Levels", new JScrollPane(levels), levelsStatus));
		arraysAndLevels.setResizeWeight(0.55);
		final JSplitPane middle = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, arraysAndLevels, info());
		middle.setResizeWeight(1);
		final JSplitPane all = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, datasetsArea(), middle);
		all.setResizeWeight(0);
		all.setDividerLocation(210);

		final JPanel content = new JPanel(new BorderLayout(6, 6));
		content.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
		content.add(sourceArea(), BorderLayout.NORTH);
		content.add(all, BorderLayout.CENTER);
		content.add(buttons(), BorderLayout.SOUTH);
		setContentPane(content);
		setSize(1360, 780);
	}

	private JComponent sourceArea() {
		final JPanel panel = new JPanel(new GridBagLayout());
		addField(panel, "Address", address, 1, addressOpen);
		addField(panel, "Endpoint", endpoint, 0.5, endpointOpen);
		address.setToolTipText("A container address instead of a dataset: s3://bucket/path.zarr, https://..., "
				+ "or a local folder; press Enter or Open");
		endpoint.setToolTipText("An S3-compatible server, e.g. http://localhost:9000; empty: AWS; "
				+ "press Enter or Open");
		return panel;
	}

	/** Adds a label, a text field taking {@code weight} of the spare width, and its button, on one row. */
	private static void addField(final JPanel panel, final String label, final JTextField field, final double weight,
			final JButton button) {
		final GridBagConstraints c = new GridBagConstraints();
		c.insets = new Insets(2, 4, 2, 4);
		c.anchor = GridBagConstraints.LINE_START;
		panel.add(new JLabel(label), c);
		c.fill = GridBagConstraints.HORIZONTAL;
		c.weightx = weight;
		panel.add(field, c);
		c.fill = GridBagConstraints.NONE;
		c.weightx = 0;
		panel.add(button, c);
	}

	private JComponent datasetsArea() {
		final JPanel filter = new JPanel(new BorderLayout(4, 0));
		filter.add(new JLabel("Filter"), BorderLayout.WEST);
		filter.add(datasetFilter, BorderLayout.CENTER);
		final JPanel top = new JPanel(new BorderLayout(0, 4));
		top.add(filter, BorderLayout.NORTH);
		top.add(new JScrollPane(datasets), BorderLayout.CENTER);
		final JComponent area = area("Datasets", top, datasetsStatus);
		area.setPreferredSize(new Dimension(200, 400));
		return area;
	}

	private JComponent info() {
		final JPanel picture = new JPanel(new FlowLayout(FlowLayout.CENTER, 0, 0));
		picture.add(thumbnail);
		final JPanel panel = new JPanel(new BorderLayout(0, 4));
		panel.add(area("Dataset", facts, factsStatus), BorderLayout.NORTH);
		panel.add(area("Thumbnail", picture, thumbnailStatus), BorderLayout.CENTER);
		panel.setPreferredSize(new Dimension(THUMBNAIL_SIZE + 64, 400));
		panel.setMinimumSize(new Dimension(THUMBNAIL_SIZE + 40, 200));
		return panel;
	}

	private JComponent buttons() {
		final JPanel row = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 0));
		row.add(openBigDataViewer);
		row.add(openVirtualStack);
		row.add(export);
		row.add(previewStatus);
		return row;
	}

	/** A titled area: its content, its status line below. */
	private static JComponent area(final String title, final JComponent content, final StatusLine status) {
		final JPanel panel = new JPanel(new BorderLayout(0, 2));
		panel.setBorder(BorderFactory.createTitledBorder(title));
		panel.add(content, BorderLayout.CENTER);
		panel.add(status, BorderLayout.SOUTH);
		return panel;
	}
}
