package org.openorganelle.fiji.export;

import java.nio.file.Path;

import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.catalog.DatasetFacts;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * One array to export: which level of which multiscale image, which region, and where
 * the two files go. Build with {@link #of(MultiscaleGroup, ScaleLevel, Path)} and the
 * {@code with*} methods; instances are immutable.
 */
public final class ExportRequest {

	private final MultiscaleGroup group;
	private final ScaleLevel level;
	private final Path outputDirectory;
	private final Region region;
	private final String dataset;
	private final DatasetFacts facts;
	private final double[] voxelSizeOverride;
	private final String baseName;

	private ExportRequest(final MultiscaleGroup group, final ScaleLevel level, final Path outputDirectory,
			final Region region, final String dataset, final DatasetFacts facts, final double[] voxelSizeOverride,
			final String baseName) {
		this.group = group;
		this.level = level;
		this.outputDirectory = outputDirectory;
		this.region = region;
		this.dataset = dataset;
		this.facts = facts;
		this.voxelSizeOverride = voxelSizeOverride;
		this.baseName = baseName;
	}

	/** The whole level, into files named after the image (e.g. {@code fibsem-int16_s8_...}). */
	public static ExportRequest of(final MultiscaleGroup group, final ScaleLevel level, final Path outputDirectory) {
		final String path = group.path();
		return new ExportRequest(group, level, outputDirectory, Region.whole(level.shape()), null, null, null,
				path.substring(path.lastIndexOf('/') + 1));
	}

	/** Only this box of the level (voxels of the level). */
	public ExportRequest withRegion(final Region box) {
		return new ExportRequest(group, level, outputDirectory, box, dataset, facts, voxelSizeOverride, baseName);
	}

	/** The dataset's name and catalog facts (facts may be null), for the record. */
	public ExportRequest withDataset(final String name, final DatasetFacts datasetFacts) {
		return new ExportRequest(group, level, outputDirectory, region, name, datasetFacts, voxelSizeOverride,
				baseName);
	}

	/** The voxel size (nm, z,y,x) of the exported level, overriding the metadata. */
	public ExportRequest withVoxelSize(final double[] zyx) {
		return new ExportRequest(group, level, outputDirectory, region, dataset, facts, zyx.clone(), baseName);
	}

	/** The name the files are built from instead of the image's last path segment. */
	public ExportRequest withBaseName(final String name) {
		return new ExportRequest(group, level, outputDirectory, region, dataset, facts, voxelSizeOverride, name);
	}

	public MultiscaleGroup group() {
		return group;
	}

	public ScaleLevel level() {
		return level;
	}

	public Path outputDirectory() {
		return outputDirectory;
	}

	public Region region() {
		return region;
	}

	/** The dataset name, or null. */
	public String dataset() {
		return dataset;
	}

	/** Catalog facts, or null. */
	public DatasetFacts facts() {
		return facts;
	}

	/** The voxel size override (a copy), or null. */
	public double[] voxelSizeOverride() {
		return voxelSizeOverride == null ? null : voxelSizeOverride.clone();
	}

	/** The stem of the file names, e.g. {@code fibsem-int16}. */
	public String baseName() {
		return baseName;
	}

	/** Uncompressed bytes of the exported data. */
	public long bytes() {
		return region.elementCount() * level.dataType().size();
	}
}
