package org.openorganelle.fiji.ui;

import java.awt.Frame;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.ImageIcon;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;

import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.discovery.ContainerAddress;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.discovery.ImageEntry;
import org.openorganelle.fiji.discovery.Modality;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * The browser's behaviour: turns the user's choices into {@link Selection} changes and
 * loads on the workers (one {@link AreaLoader} per area), and renders what arrives. The
 * address and endpoint act on Enter or Open only. Event thread only.
 */
final class BrowserController {

	private final BrowserWindow view;
	private final BrowserSession session;
	private final Consumer<String> recorder;
	private final Selection selection = new Selection();
	private final AreaLoader datasetsLoad;
	private final AreaLoader arraysLoad;
	private final AreaLoader levelsLoad;
	private final AreaLoader factsLoad;
	private final AreaLoader thumbnailLoad;
	private final Previews previews;
	private List<String> allDatasets = List.of();
	private boolean updating;
	private boolean listed;

	/**
	 * @param recorder receives the macro line of each successful export
	 */
	BrowserController(final BrowserWindow view, final BrowserSession session, final Consumer<String> recorder) {
		this.view = view;
		this.session = session;
		this.recorder = recorder;
		datasetsLoad = new AreaLoader(Workers.LOADS, view.datasetsStatus);
		arraysLoad = new AreaLoader(Workers.LOADS, view.arraysStatus);
		levelsLoad = new AreaLoader(Workers.LOADS, view.levelsStatus);
		factsLoad = new AreaLoader(Workers.LOADS, view.factsStatus);
		thumbnailLoad = new AreaLoader(Workers.LOADS, view.thumbnailStatus);
		previews = new Previews(new AreaLoader(Workers.LONG, view.previewStatus));
		wire();
		updateButtons();
	}

	/**
	 * Shows the window and brings it to front; the first time, lists the datasets (through the
	 * endpoint in the Endpoint field).
	 */
	void show() {
		if (!view.isVisible())
			view.setVisible(true);
		if (view.getState() == Frame.ICONIFIED)
			view.setState(Frame.NORMAL);
		view.toFront();
		if (!listed) {
			listed = true;
			selection.endpoint = view.endpoint.getText().strip();
			listDatasets();
		}
	}

	BrowserWindow window() {
		return view;
	}

	private void wire() {
		view.address.addActionListener(e -> openAddress());
		view.addressOpen.addActionListener(e -> openAddress());
		view.endpoint.addActionListener(e -> openEndpoint());
		view.endpointOpen.addActionListener(e -> openEndpoint());
		Widgets.onEdit(view.datasetFilter, this::applyFilter);
		view.datasets.addListSelectionListener(e -> {
			final String chosen = view.datasets.getSelectedValue();
			if (!updating && !e.getValueIsAdjusting() && chosen != null && !chosen.equals(selection.dataset))
				chooseDataset(chosen);
		});
		view.arrays.addTreeSelectionListener(e -> {
			final TreePath path = e.getNewLeadSelectionPath();
			final Object node = path == null ? null : ((DefaultMutableTreeNode) path.getLastPathComponent())
					.getUserObject();
			if (!updating && node instanceof ArrayTreeModel.Leaf)
				chooseArray(((ArrayTreeModel.Leaf) node).container, ((ArrayTreeModel.Leaf) node).image.path());
		});
		view.levels.getSelectionModel().addListSelectionListener(e -> {
			final int row = view.levels.getSelectedRow();
			if (!e.getValueIsAdjusting() && row >= 0) {
				selection.level = view.levelRows.level(row).name();
				updateButtons();
			}
		});
		view.openBigDataViewer.addActionListener(e -> previews.bigDataViewer(selection));
		view.openVirtualStack.addActionListener(e -> previews.virtualStack(selection));
		view.export.addActionListener(e -> selection.chosenLevel().ifPresent(level -> new ExportDialog(view,
				ExportTarget.of(selection, session), selection, recorder).setVisible(true)));
	}

	private void listDatasets() {
		final String endpoint = selection.endpoint;
		datasetsLoad.start("Listing " + DatasetLocator.PUBLIC_BUCKET + " ...", () -> session.datasets(endpoint),
				names -> {
					allDatasets = names;
					applyFilter();
					view.datasetsStatus.note(names.size() + " datasets");
					if (!selection.source().isChosen() && !names.isEmpty())
						chooseDataset(names.get(0));
				});
	}

	private void applyFilter() {
		final String filter = view.datasetFilter.getText().strip().toLowerCase(Locale.ROOT);
		updating = true;
		try {
			view.datasetItems.clear();
			allDatasets.stream().filter(d -> d.toLowerCase(Locale.ROOT).contains(filter))
					.forEach(view.datasetItems::addElement);
			view.datasets.setSelectedValue(selection.address.isEmpty() ? selection.dataset : null, true);
		} finally {
			updating = false;
		}
	}

	private void chooseDataset(final String dataset) {
		selection.dataset = dataset;
		selection.address = "";
		view.address.setText("");
		applyFilter();
		factsLoad.start("", () -> DatasetCatalog.bundled().find(dataset), f -> view.facts.setText(FactsText.of(
				dataset, f)));
		scan();
	}

	private void openAddress() {
		final String address = view.address.getText().strip();
		if (address.isEmpty() && selection.address.isEmpty())
			return;
		selection.address = address;
		applyFilter();
		if (address.isEmpty() && !selection.dataset.isEmpty()) {
			chooseDataset(selection.dataset);
			return;
		}
		factsLoad.forget();
		view.facts.setText(address + "\nA container address: the catalog's facts are about datasets of the "
				+ "public bucket.");
		scan();
	}

	private void openEndpoint() {
		final String endpoint = view.endpoint.getText().strip();
		if (endpoint.equals(selection.endpoint))
			return;
		selection.endpoint = endpoint;
		listDatasets();
		scan();
	}

	/** Lists the arrays of the chosen dataset or address, forgetting what was shown for the previous one. */
	private void scan() {
		selection.images = Map.of();
		showTree(ArrayTreeModel.of(Map.of()));
		clearLevels();
		final Source source = selection.source();
		if (!source.isChosen()) {
			arraysLoad.forget();
			return;
		}
		arraysLoad.start("Scanning " + source.describe() + " ...", () -> new Scan(session.images(source)),
				scan -> showArrays(scan));
	}

	private void showArrays(final Scan scan) {
		selection.images = scan.byContainer;
		final DefaultTreeModel model = ArrayTreeModel.of(scan.byContainer);
		showTree(model);
		if (scan.count() == 0) {
			view.arraysStatus.note("no arrays in " + scan.where());
			return;
		}
		view.arraysStatus.note(scan.count() + (scan.count() == 1 ? " array" : " arrays") + " in " + scan.where());
		ArrayTreeModel.find(model, selection.container, selection.image)
				.or(() -> ArrayTreeModel.find(model, selection.image))
				.or(() -> addressedArray(model))
				.or(() -> ArrayTreeModel.firstArray(model, Modality.EM))
				.ifPresent(path -> {
					view.arrays.setSelectionPath(path);
					view.arrays.scrollPathToVisible(path);
				});
	}

	/** The array (or the array of the level) a typed address points at inside its container. */
	private Optional<TreePath> addressedArray(final DefaultTreeModel model) {
		if (selection.address.isEmpty())
			return Optional.empty();
		final String path = ContainerAddress.parse(selection.address).path();
		final int slash = path.lastIndexOf('/');
		return ArrayTreeModel.find(model, path).or(() -> slash < 0 ? Optional.empty()
				: ArrayTreeModel.find(model, path.substring(0, slash)));
	}

	private void showTree(final DefaultTreeModel model) {
		updating = true;
		try {
			view.arrays.setModel(model);
			for (int row = 0; row < view.arrays.getRowCount(); row++)
				view.arrays.expandRow(row);
		} finally {
			updating = false;
		}
	}

	private void chooseArray(final String container, final String image) {
		selection.container = container;
		selection.image = image;
		clearLevels();
		final Source source = selection.source();
		levelsLoad.start("Reading the levels of " + image + " ...", () -> session.levels(source, container, image),
				this::showLevels);
	}

	private void clearLevels() {
		selection.levels = List.of();
		view.levelRows.show(List.of());
		view.thumbnail.setIcon(null);
		levelsLoad.forget();
		thumbnailLoad.forget();
		updateButtons();
	}

	private void showLevels(final List<ScaleLevel> levels) {
		selection.levels = levels;
		view.levelRows.show(levels);
		Widgets.fitColumns(view.levels);
		LevelChoice.choose(levels, selection.level, selection.limitBytes).ifPresent(level -> {
			final int row = view.levelRows.row(level.name());
			view.levels.setRowSelectionInterval(row, row);
		});
		final boolean labels = selection.chosenImage().map(ImageEntry::modality).orElse(Modality.EM)
				.equals(Modality.LABELS);
		final Thumbnail thumbnail = Thumbnail.of(levels, labels);
		thumbnailLoad.start("Reading the middle plane of " + thumbnail.level().name() + " ...",
				() -> thumbnail.render(session, BrowserWindow.THUMBNAIL_SIZE), image -> {
					view.thumbnail.setIcon(new ImageIcon(image));
					view.thumbnailStatus.note(thumbnail.describe());
				});
	}

	private void updateButtons() {
		final boolean chosen = selection.chosenLevel().isPresent();
		view.openBigDataViewer.setEnabled(chosen);
		view.openVirtualStack.setEnabled(chosen);
		view.export.setEnabled(chosen);
	}
}
