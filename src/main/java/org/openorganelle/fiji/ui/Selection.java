package org.openorganelle.fiji.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openorganelle.fiji.discovery.ImageEntry;
import org.openorganelle.fiji.export.ExportOptions;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * What the browser shows: the chosen endpoint, dataset or address, array and level, the
 * size limit, and what has been loaded for that choice. Changed on the event thread only;
 * loads started for an older choice never reach it (see {@link AreaLoader}).
 */
final class Selection {

	String endpoint = "";
	String address = "";
	String dataset = "";
	/** The URI of the chosen array's container (a dataset may have a .zarr and a .n5 one). */
	String container = "";
	String image = "";
	String level = "";
	long limitBytes = ExportOptions.DEFAULT_MAX_BYTES;
	String limitText = ExportOptions.DEFAULT_LIMIT;
	/** The arrays of each container, by container URI. */
	Map<String, List<ImageEntry>> images = Map.of();
	List<ScaleLevel> levels = List.of();

	/** The dataset (or address) chosen. */
	Source source() {
		return new Source(endpoint, dataset, address);
	}

	/** The chosen level, when the levels of the chosen array are loaded. */
	Optional<ScaleLevel> chosenLevel() {
		return levels.stream().filter(l -> l.name().equals(level)).findFirst();
	}

	/** The chosen array's entry, when the arrays are loaded. */
	Optional<ImageEntry> chosenImage() {
		return images.getOrDefault(container, List.of()).stream().filter(i -> i.path().equals(image)).findFirst();
	}
}
