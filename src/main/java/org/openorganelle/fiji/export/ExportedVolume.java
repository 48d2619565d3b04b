package org.openorganelle.fiji.export;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;

import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.catalog.DatasetFacts;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything known about one finished export, from which its metadata record is built:
 * where the data came from, what was written, and what was measured while writing.
 * All per-axis arrays are in array order (z, y, x).
 */
final class ExportedVolume {

	/** Where the voxel size in the record comes from. */
	enum VoxelSizeSource {
		/** The multiscale metadata of the store. */
		METADATA,
		/** The user's {@code --voxel-size}. */
		OVERRIDE,
		/** Not known. */
		UNKNOWN
	}

	/** The dataset name (e.g. {@code jrc_mus-nacc-2}), or null when exported from a bare address. */
	String dataset;
	/** The container's URI, e.g. {@code s3://janelia-cosem-datasets/jrc_mus-nacc-2/jrc_mus-nacc-2.zarr}. */
	String containerUri;
	/** The multiscale group's path in the container, e.g. {@code recon-2/em/fibsem-int16}. */
	String arrayPath;
	/** The level's name, e.g. {@code s8}. */
	String level;
	/** "EM" or "labels". */
	String modality;
	/** The stored element type (preserved in the file). */
	DataType dataType;
	/** Shape of the whole level. */
	long[] levelShape;
	/** The exported box in voxels of the level; equals the whole level when not cropped. */
	Region region;
	/** The chunk shape (of the inner chunks, in a sharded array). */
	int[] chunkShape;
	/** The shard shape, or null when every chunk is an object of its own. */
	long[] shardShape;
	/** The source's storage format, e.g. {@code Zarr v2} or {@code N5}. */
	String sourceFormat;
	/** The byte order the source stores elements in. */
	ByteOrder sourceByteOrder;
	/** The source compressor's id ({@code zstd}, {@code blosc}, {@code gzip}, {@code zlib}, {@code none}). */
	String compressorId;
	/** The source compressor's description, e.g. {@code blosc(lz4, clevel=5, shuffle)}. */
	String compressorDescription;
	/** Voxel size of the exported level in nm, or null when unknown. */
	double[] voxelSizeNm;
	/** Translation of the exported level in nm (centre of its voxel 0), or null when unknown. */
	double[] translationNm;
	/** Where {@link #voxelSizeNm} comes from. */
	VoxelSizeSource voxelSizeSource;
	/** The raw attributes of the multiscale group ({@code .zattrs}). */
	ObjectNode groupAttributes;
	/** Catalog facts of the dataset, or null when not catalogued. */
	DatasetFacts facts;
	/** The written {@code .npy} file (absolute). */
	Path npyFile;
	/** Size of the {@code .npy} file in bytes. */
	long npyBytes;
	/** SHA-256 of the {@code .npy} file as written, lower-case hex. */
	String sha256;
	/** Mean of all exported voxel values, or null when not a finite number (NaN data). */
	Double mean;
	/** Chunks read from the store, and how many of them were absent (fill value). */
	long chunksRead;
	long chunksMissing;
	/** Wall time of the export in seconds. */
	double processingSeconds;
	/** When the export started and ended (UTC). */
	Instant startedAt;
	Instant finishedAt;
}
