package org.openorganelle.fiji.ui;

import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.TableColumn;
import javax.swing.text.JTextComponent;

/** Small helpers for building the browser's components. */
final class Widgets {

	private Widgets() {
	}

	/** The component, named (so that tests and accessibility tools find it). */
	static <T extends JComponent> T named(final T component, final String name) {
		component.setName(name);
		return component;
	}

	/**
	 * Widens a table's columns to their header and cells (call after the rows change); when
	 * they do not fit, the table scrolls sideways instead of cutting the texts short.
	 */
	static void fitColumns(final JTable table) {
		int total = 0;
		for (int c = 0; c < table.getColumnCount(); c++) {
			final TableColumn column = table.getColumnModel().getColumn(c);
			int width = table.getTableHeader().getDefaultRenderer().getTableCellRendererComponent(table, column
					.getHeaderValue(), false, false, -1, c).getPreferredSize().width;
			for (int r = 0; r < table.getRowCount(); r++)
				width = Math.max(width, table.prepareRenderer(table.getCellRenderer(r, c), r, c).getPreferredSize().width);
			column.setPreferredWidth(width + 12);
			total += width + 12;
		}
		final int available = table.getParent() == null ? 0 : table.getParent().getWidth();
		table.setAutoResizeMode(total > available ? JTable.AUTO_RESIZE_OFF : JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
	}

	/** Runs an action whenever the text changes (for local checks only: never I/O per keystroke). */
	static void onEdit(final JTextComponent field, final Runnable action) {
		field.getDocument().addDocumentListener(new DocumentListener() {
			@Override
			public void insertUpdate(final DocumentEvent e) {
				action.run();
			}

			@Override
			public void removeUpdate(final DocumentEvent e) {
				action.run();
			}

			@Override
			public void changedUpdate(final DocumentEvent e) {
				action.run();
			}
		});
	}
}
