package org.openorganelle.fiji.ui;

import java.util.ArrayList;
import java.util.List;

import javax.swing.table.AbstractTableModel;

import org.openorganelle.fiji.multiscale.LevelColumns;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/** The chosen array's levels, one row each, in the columns of the command line's {@code info --array}. */
final class LevelTableModel extends AbstractTableModel {

	private static final long serialVersionUID = 1L;

	private static final String[] COLUMNS = { "Level", "Shape (z×y×x)", "Dtype", "Chunks", "Shards", "Codec",
			"Voxel size nm", "Offset nm", "Size" };

	private final List<ScaleLevel> levels = new ArrayList<>();
	private final List<List<String>> rows = new ArrayList<>();

	/** Shows these levels (none for an empty table). */
	void show(final List<ScaleLevel> shown) {
		levels.clear();
		rows.clear();
		levels.addAll(shown);
		shown.forEach(l -> rows.add(LevelColumns.cells(l)));
		fireTableDataChanged();
	}

	/** The level of a row. */
	ScaleLevel level(final int row) {
		return levels.get(row);
	}

	/** The row of a level name, or -1. */
	int row(final String name) {
		for (int r = 0; r < levels.size(); r++)
			if (levels.get(r).name().equals(name))
				return r;
		return -1;
	}

	@Override
	public int getRowCount() {
		return rows.size();
	}

	@Override
	public int getColumnCount() {
		return COLUMNS.length;
	}

	@Override
	public String getColumnName(final int column) {
		return COLUMNS[column];
	}

	@Override
	public Object getValueAt(final int row, final int column) {
		return rows.get(row).get(column);
	}
}
