package org.openorganelle.fiji.export;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The two files one export wrote, its metadata record and what it measured. */
public final class ExportResult {

	private final Path npy;
	private final Path metadata;
	private final ObjectNode record;
	private final ExportedVolume volume;

	ExportResult(final Path npy, final Path metadata, final ObjectNode record, final ExportedVolume volume) {
		this.npy = npy;
		this.metadata = metadata;
		this.record = record;
		this.volume = volume;
	}

	/** The {@code .npy} file (absolute). */
	public Path npy() {
		return npy;
	}

	/** The metadata record file (absolute). */
	public Path metadata() {
		return metadata;
	}

	/** The record as written (a copy). */
	public ObjectNode record() {
		return record.deepCopy();
	}

	/** What was exported and measured. */
	public ExportedVolume volume() {
		return volume;
	}
}
