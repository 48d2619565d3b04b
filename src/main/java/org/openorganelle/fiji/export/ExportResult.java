package org.openorganelle.fiji.export;

import java.nio.file.Path;
import java.util.OptionalDouble;

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

	/** The size of the {@code .npy} file in bytes, header included. */
	public long bytes() {
		return volume.npyBytes;
	}

	/** The SHA-256 of the {@code .npy} file, in hex. */
	public String sha256() {
		return volume.sha256;
	}

	/** The mean of the exported values; empty when undefined (NaN or infinite values). */
	public OptionalDouble mean() {
		return volume.mean == null ? OptionalDouble.empty() : OptionalDouble.of(volume.mean);
	}

	/** How many chunks were read, the missing ones (read as the fill value) included. */
	public long chunksRead() {
		return volume.chunksRead;
	}

	/** How many of the chunks read were missing from the store. */
	public long chunksMissing() {
		return volume.chunksMissing;
	}
}
