package org.openorganelle.fiji.multiscale;

import java.util.Optional;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.DataType;

/**
 * One pyramid level of a multiscale image: its array (shape, dtype, chunks, codec) and,
 * when the metadata gives it, its voxel size and translation in nanometres.
 */
public final class ScaleLevel {

	private final String name;
	private final ChunkedArray array;
	private final LevelTransform transform;

	public ScaleLevel(final String name, final ChunkedArray array, final LevelTransform transform) {
		this.name = name;
		this.array = array;
		this.transform = transform;
	}

	/** The level's name within its group, e.g. {@code s3}. */
	public String name() {
		return name;
	}

	/** The level's array, for reading chunks. */
	public ChunkedArray array() {
		return array;
	}

	/** The level's path in its store, e.g. {@code recon-2/em/fibsem-int16/s3}. */
	public String path() {
		return array.path();
	}

	public ArrayMetadata metadata() {
		return array.metadata();
	}

	public long[] shape() {
		return metadata().shape();
	}

	public DataType dataType() {
		return metadata().dataType();
	}

	/** Voxel size and translation in nm, per array axis, when known. */
	public Optional<LevelTransform> transform() {
		return Optional.ofNullable(transform);
	}

	/** Bytes of the whole level, uncompressed. */
	public long uncompressedBytes() {
		return metadata().uncompressedBytes();
	}
}
