package org.openorganelle.fiji.discovery;

import java.util.List;

import org.openorganelle.fiji.multiscale.Multiscale;

/**
 * An image found in a container: a multiscale group with its level names, or a single
 * array (one level, named by its own path). Found from metadata and listings only.
 */
public final class ImageEntry {

	private final String path;
	private final Multiscale.Dialect dialect;
	private final List<String> levels;

	/**
	 * @param path the group's (or single array's) path in the container
	 * @param dialect the multiscale metadata dialect, or null for a single array
	 * @param levels level names, finest first (empty for a single array)
	 */
	public ImageEntry(final String path, final Multiscale.Dialect dialect, final List<String> levels) {
		this.path = path;
		this.dialect = dialect;
		this.levels = List.copyOf(levels);
	}

	/** The path of the multiscale group or single array, e.g. {@code recon-1/em/fibsem-uint8}. */
	public String path() {
		return path;
	}

	/** Whether this is a multiscale group (otherwise a single array). */
	public boolean isMultiscale() {
		return dialect != null;
	}

	/** The multiscale metadata dialect; null for a single array. */
	public Multiscale.Dialect dialect() {
		return dialect;
	}

	/** Level names, finest first; empty for a single array. */
	public List<String> levels() {
		return levels;
	}

	/** "labels" for segmentations, annotations and predictions (by path), otherwise "EM". */
	public String modality() {
		return Modality.of(path);
	}

	@Override
	public String toString() {
		return path + (isMultiscale() ? " " + levels : "");
	}
}
