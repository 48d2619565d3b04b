package org.openorganelle.fiji.ui;

import java.awt.Dialog;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.text.JTextComponent;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;

import org.openorganelle.fiji.store.StoreFactory;

/**
 * One browser window against the {@link SlowBucket}, driven like a person through its
 * named components; requests and recorded macro lines are kept for the assertions.
 */
final class BrowserFixture implements AutoCloseable {

	final List<String> requests = new CopyOnWriteArrayList<>();
	final List<String> recorded = new CopyOnWriteArrayList<>();
	final BrowserWindow window;
	private final BrowserController browser;

	private BrowserFixture(final StoreFactory stores) throws Exception {
		final BrowserSession session = new BrowserSession(stores, requests::add);
		final BrowserController[] made = new BrowserController[1];
		Gui.run(() -> {
			made[0] = new BrowserController(new BrowserWindow(), session, recorded::add);
			made[0].window().setLocation(0, 0);
		});
		browser = made[0];
		window = browser.window();
		Gui.run(() -> text("endpoint").setText(SlowBucket.get().endpoint()));
	}

	/**
	 * Shows and closes a browser window with no behaviour, so that Swing's one-time costs
	 * of a fresh JVM (look and feel, fonts, first paint) are not measured as stalls of the
	 * browser: in Fiji, Swing is warm long before the browser opens.
	 */
	static void warmUpSwing() throws Exception {
		final BrowserWindow[] shown = new BrowserWindow[1];
		Gui.run(() -> {
			shown[0] = new BrowserWindow();
			shown[0].setVisible(true);
		});
		Gui.await("the first paint", () -> shown[0].isShowing());
		Thread.sleep(500);
		Gui.run(shown[0]::dispose);
	}

	/** A window, not shown yet. */
	static BrowserFixture create(final StoreFactory stores) throws Exception {
		return new BrowserFixture(stores);
	}

	/** Shows the window (which starts listing the datasets). */
	void show() throws Exception {
		Gui.run(browser::show);
	}

	JTextField text(final String name) {
		return Gui.find(window, name, JTextField.class);
	}

	JButton button(final String name) {
		return Gui.find(window, name, JButton.class);
	}

	/** The text of an area's status line. */
	String status(final String area) throws Exception {
		return Gui.get(() -> Gui.find(window, area + "Status", JLabel.class).getText());
	}

	boolean retryShown(final String area) throws Exception {
		return Gui.get(() -> Gui.find(window, area + "Retry", JButton.class).isVisible());
	}

	List<String> datasets() throws Exception {
		return Gui.get(() -> {
			@SuppressWarnings("unchecked")
			final JList<String> list = Gui.find(window, "datasets", JList.class);
			final List<String> items = new ArrayList<>();
			for (int i = 0; i < list.getModel().getSize(); i++)
				items.add(list.getModel().getElementAt(i));
			return items;
		});
	}

	/** Clicks a dataset of the list. */
	void chooseDataset(final String name) throws Exception {
		Gui.run(() -> Gui.find(window, "datasets", JList.class).setSelectedValue(name, true));
	}

	/** The arrays shown, as tree paths: {@code jrc_hela-2.zarr › recon-1 › em › fibsem-uint8}. */
	List<String> arrays() throws Exception {
		return Gui.get(() -> {
			final JTree tree = Gui.find(window, "arrays", JTree.class);
			final DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
			return Collections.list(root.depthFirstEnumeration()).stream()
					.map(n -> (DefaultMutableTreeNode) n).filter(DefaultMutableTreeNode::isLeaf)
					.filter(n -> n.getUserObject() instanceof ArrayTreeModel.Leaf)
					.map(n -> Arrays.stream(n.getUserObjectPath()).skip(1).map(Object::toString)
							.collect(Collectors.joining(" › ")))
					.sorted().collect(Collectors.toList());
		});
	}

	/** The array selected in the tree, by its path in the container, or null. */
	String chosenArray() throws Exception {
		return Gui.get(this::selectedArray);
	}

	private String selectedArray() {
		final TreePath path = Gui.find(window, "arrays", JTree.class).getSelectionPath();
		final Object leaf = path == null ? null : ((DefaultMutableTreeNode) path.getLastPathComponent())
				.getUserObject();
		return leaf instanceof ArrayTreeModel.Leaf ? ((ArrayTreeModel.Leaf) leaf).image.path() : null;
	}

	/** Clicks an array of the tree. */
	void chooseArray(final String path) throws Exception {
		Gui.run(() -> {
			final JTree tree = Gui.find(window, "arrays", JTree.class);
			tree.setSelectionPath(ArrayTreeModel.find((DefaultTreeModel) tree.getModel(), path).orElseThrow());
		});
	}

	/** The level table's rows. */
	List<List<String>> levels() throws Exception {
		return Gui.get(() -> {
			final JTable table = Gui.find(window, "levels", JTable.class);
			final List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r < table.getRowCount(); r++) {
				final List<String> row = new ArrayList<>();
				for (int c = 0; c < table.getColumnCount(); c++)
					row.add((String) table.getValueAt(r, c));
				rows.add(row);
			}
			return rows;
		});
	}

	/** The name of the selected level, or null. */
	String chosenLevel() throws Exception {
		return Gui.get(() -> {
			final JTable table = Gui.find(window, "levels", JTable.class);
			final int row = table.getSelectedRow();
			return row < 0 ? null : (String) table.getValueAt(row, 0);
		});
	}

	/** Clicks a level of the table. */
	void chooseLevel(final String name) throws Exception {
		Gui.run(() -> {
			final JTable table = Gui.find(window, "levels", JTable.class);
			for (int r = 0; r < table.getRowCount(); r++)
				if (table.getValueAt(r, 0).equals(name))
					table.setRowSelectionInterval(r, r);
		});
	}

	/** Waits until an array is chosen and its levels are shown with one selected. */
	void awaitLevels(final String array) throws Exception {
		Gui.await("the levels of " + array, () -> array.equals(selectedArray()) && Gui.find(window, "levels",
				JTable.class).getSelectedRow() >= 0);
	}

	/** Gives a text field the keyboard focus, as clicking into it does. */
	private void focus(final String field) throws Exception {
		Gui.run(() -> text(field).requestFocusInWindow());
		Gui.await("the focus in " + field, () -> text(field).isFocusOwner());
	}

	/** Types into a text field key by key, as a person does (each key a separate edit). */
	void type(final String field, final String text) throws Exception {
		focus(field);
		for (final char c : text.toCharArray())
			Gui.run(() -> {
				final JTextComponent f = text(field);
				f.dispatchEvent(new KeyEvent(f, KeyEvent.KEY_TYPED, System.currentTimeMillis(), 0,
						KeyEvent.VK_UNDEFINED, c));
			});
	}

	/** Presses Enter in a text field. */
	void enter(final String field) throws Exception {
		focus(field);
		Gui.run(() -> {
			final JTextField f = text(field);
			f.dispatchEvent(new KeyEvent(f, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0, KeyEvent.VK_ENTER,
					'\n'));
		});
	}

	/** The dialogs showing now. */
	static List<Window> dialogs() {
		return Arrays.stream(Window.getWindows()).filter(w -> w instanceof Dialog && w.isShowing())
				.collect(Collectors.toList());
	}

	@Override
	public void close() throws Exception {
		Gui.run(() -> {
			for (final Window w : window.getOwnedWindows())
				w.dispose();
			window.dispose();
		});
	}
}
