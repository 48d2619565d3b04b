package org.openorganelle.fiji.ui;

import java.awt.Frame;
import java.awt.Window;
import java.util.Arrays;

import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.tree.DefaultTreeModel;

/**
 * Exports one level through the browser window exactly as a person would, in a JVM of its
 * own: opens the session's window with the real entry point ({@link OpenOrganelleBrowser}),
 * types the endpoint, picks the dataset, array and level, clicks Export…, sets the output
 * directory and clicks Export. Exits 0 when the dialog says it wrote the files, 1 with the
 * dialog's or the window's message otherwise. Uses only the plugin and the JDK, so that it
 * can run on a class path of the update site plus what Fiji ships.
 * <p>
 * Arguments: endpoint, dataset, array, level, output directory.
 */
public final class BrowserExportRun {

	private BrowserExportRun() {
	}

	public static void main(final String[] args) {
		int code = 1;
		try {
			code = export(args);
		} catch (final Exception | AssertionError e) {
			System.out.println("the browser export failed: " + e);
		}
		System.exit(code); // the event thread would keep the JVM alive
	}

	private static int export(final String[] args) throws Exception {
		final String endpoint = args[0];
		final String dataset = args[1];
		final String array = args[2];
		final String level = args[3];
		final String output = args[4];
		Gui.run(OpenOrganelleBrowser::show);
		final Window window = Gui.get(() -> Arrays.stream(Frame.getFrames()).filter(f -> "openOrganelleBrowser"
				.equals(f.getName()) && f.isShowing()).findFirst().orElseThrow());
		Gui.run(() -> {
			Gui.find(window, "endpoint", JTextField.class).setText(endpoint);
			Gui.find(window, "endpointOpen", JButton.class).doClick();
		});
		@SuppressWarnings("unchecked")
		final JList<String> datasets = Gui.find(window, "datasets", JList.class);
		Gui.await("the dataset " + dataset, () -> {
			datasets.setSelectedValue(dataset, true);
			return dataset.equals(datasets.getSelectedValue());
		});
		final JTree arrays = Gui.find(window, "arrays", JTree.class);
		Gui.await("the array " + array, () -> ArrayTreeModel.find((DefaultTreeModel) arrays.getModel(), array)
				.map(path -> {
					arrays.setSelectionPath(path);
					return true;
				}).orElse(false));
		final JTable levels = Gui.find(window, "levels", JTable.class);
		Gui.await("the level " + level, () -> {
			for (int r = 0; r < levels.getRowCount(); r++)
				if (levels.getValueAt(r, 0).equals(level))
					levels.setRowSelectionInterval(r, r);
			return levels.getSelectedRow() >= 0 && level.equals(levels.getValueAt(levels.getSelectedRow(), 0));
		});
		Gui.run(() -> Gui.find(window, "export", JButton.class).doClick());
		final JDialog dialog = Gui.get(() -> (JDialog) Arrays.stream(window.getOwnedWindows()).filter(w -> w
				.isShowing() && "exportDialog".equals(w.getName())).findFirst().orElseThrow());
		Gui.run(() -> {
			Gui.find(dialog, "exportOutput", JTextField.class).setText(output);
			Gui.find(dialog, "exportStart", JButton.class).doClick();
		});
		final JLabel status = Gui.find(dialog, "exportStatus", JLabel.class);
		Gui.await("the export to end", () -> !Gui.find(dialog, "exportCancel", JButton.class).isEnabled() && !status
				.getText().isBlank());
		final String said = Gui.get(status::getText);
		System.out.println(said);
		return said.startsWith("Wrote") ? 0 : 1;
	}
}
