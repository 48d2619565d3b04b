package org.openorganelle.fiji.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.ImageSelection;
import org.openorganelle.fiji.discovery.Location;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * The exports one run asks for, resolved from what a user types (the same for the
 * command line, the ImageJ macro and the SciJava commands): array paths in their usual
 * forms, a level (default {@code s1}, as the original loader), an optional region in
 * voxels or nanometres, a voxel-size override, and the output directory. Files of arrays
 * with the same name in one run are named after their parent too ({@code crop1-all}).
 */
public final class ExportPlan {

	/** The original loader's default level. */
	public static final String DEFAULT_LEVEL = "s1";

	private final List<ExportRequest> requests;

	private ExportPlan(final List<ExportRequest> requests) {
		this.requests = List.copyOf(requests);
	}

	/**
	 * Plans exports of the arrays a {@link Location} names: {@code arrays} when given, else
	 * the array the location's address points at.
	 *
	 * @see #resolve(Container, String, List, String, String, String, double[], Path)
	 */
	public static ExportPlan resolve(final Location location, final String dataset, final List<String> arrays,
			final String level, final String region, final String regionNm, final double[] voxelSize,
			final Path output) {
		final List<String> paths = !arrays.isEmpty() || location.array().isEmpty() ? arrays
				: List.of(location.array());
		return resolve(location.container(), dataset, paths, level, region, regionNm, voxelSize, output);
	}

	/**
	 * @param dataset the dataset name for the records (catalog facts), or null
	 * @param arrays array paths: multiscale groups, level paths or groups holding one array
	 * @param level the level, or null for {@link #DEFAULT_LEVEL} (a level path then wins)
	 * @param region a voxel region {@code z0:z1,y0:y1,x0:x1}, or null
	 * @param regionNm a region in nanometres, or null (not both)
	 * @param voxelSize z,y,x nm overriding the metadata, or null
	 * @throws org.openorganelle.fiji.NotFoundException for unknown arrays or levels
	 * @throws OpenOrganelleException for ambiguous paths or invalid regions
	 */
	public static ExportPlan resolve(final Container container, final String dataset, final List<String> arrays,
			final String level, final String region, final String regionNm, final double[] voxelSize,
			final Path output) {
		if (arrays.isEmpty())
			throw new OpenOrganelleException("no array given: name one of " + container.imagePaths());
		if (region != null && regionNm != null)
			throw new OpenOrganelleException("give a region in voxels or in nanometres, not both");
		if (voxelSize != null && voxelSize.length != 3)
			throw new OpenOrganelleException("the voxel size needs three values z,y,x in nm");
		final Map<String, Integer> names = new HashMap<>();
		final List<ImageSelection> selections = new ArrayList<>();
		for (final String path : arrays) {
			final ImageSelection s = ImageSelection.resolve(container, path, level == null ? DEFAULT_LEVEL : level,
					level != null);
			selections.add(s);
			names.merge(baseName(s.group().path(), 1), 1, Integer::sum);
		}
		final List<ExportRequest> requests = new ArrayList<>();
		for (final ImageSelection s : selections) {
			final ScaleLevel chosen = s.level();
			final boolean clash = names.get(baseName(s.group().path(), 1)) > 1;
			ExportRequest r = ExportRequest.of(s.group(), chosen, output)
					.withBaseName(baseName(s.group().path(), clash ? 2 : 1))
					.withDataset(dataset, dataset == null ? null : DatasetCatalog.bundled().find(dataset).orElse(null));
			if (region != null)
				r = r.withRegion(RegionParser.voxels(region, chosen.shape()));
			if (regionNm != null)
				r = r.withRegion(RegionParser.nanometres(regionNm, chosen.shape(), chosen.transform()
						.orElseThrow(() -> new OpenOrganelleException("a region in nm needs the voxel size of "
								+ s.group().path() + " " + chosen.name() + ", which its metadata lacks; give voxels"))));
			if (voxelSize != null)
				r = r.withVoxelSize(voxelSize);
			requests.add(r);
		}
		return new ExportPlan(requests);
	}

	/** The resolved exports, in the order asked. */
	public List<ExportRequest> requests() {
		return requests;
	}

	/**
	 * Checks every export's size before any is started, then runs them in turn.
	 *
	 * @param starting told about each export just before it starts (e.g. to show its size)
	 * @return the results, in order
	 */
	public List<ExportResult> run(final ExportOptions options, final Consumer<ExportRequest> starting) {
		for (final ExportRequest r : requests)
			Exporter.checkSize(r, options);
		final List<ExportResult> results = new ArrayList<>();
		for (final ExportRequest r : requests) {
			starting.accept(r);
			results.add(Exporter.export(r, options));
		}
		return results;
	}

	/** The last {@code segments} path segments joined by '-': {@code fibsem-int16}, or {@code crop1-all}. */
	private static String baseName(final String path, final int segments) {
		final String[] parts = path.split("/");
		final StringBuilder name = new StringBuilder();
		for (int i = Math.max(0, parts.length - segments); i < parts.length; i++)
			name.append(name.length() > 0 ? "-" : "").append(parts[i]);
		return name.toString();
	}
}
