package org.openorganelle.fiji.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.catalog.DatasetFacts;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.discovery.ImageEntry;
import org.openorganelle.fiji.discovery.Location;
import org.openorganelle.fiji.discovery.ScanResult;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.multiscale.ScaleLevel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code openorganelle info}: the images of a dataset's containers (Zarr and N5) or of one
 * container, or every level of one image with shape, dtype, chunks, codec, voxel size and size.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
		description = "Show the arrays of a dataset; with --array, every level with shape, dtype, chunks, codec, "
				+ "voxel size and size, so you see the cost before downloading.")
final class InfoAction implements Callable<Integer> {

	@ParentCommand
	private OpenOrganelleCli cli;

	@Mixin
	private ConnectionOptions connection;

	@Mixin
	private DatasetOptions dataset;

	@Option(names = { "--array", "--zarr-path" }, paramLabel = "PATH",
			description = "A multiscale image in the container, e.g. recon-2/em/fibsem-int16 or (N5) em/fibsem-uint16 "
					+ "(env ZARR_PATH).")
	private String array;

	@Option(names = "--level", paramLabel = "sN", description = "Show only this level of --array.")
	private String level;

	@Override
	public Integer call() throws Exception {
		Session.run(cli, connection, session -> {
			final InfoPrinter printer = new InfoPrinter(session.out, connection.json);
			final DatasetFacts facts = dataset.name() == null ? null
					: DatasetCatalog.bundled().find(dataset.name()).orElse(null);
			final Location location = dataset.hasAddress() || array != null && !array.isEmpty()
					? dataset.locate(session, array)
					: null;
			if (location == null || location.array().isEmpty()) {
				if (level != null)
					throw new OpenOrganelleException("--level needs --array");
				final List<Container> containers = location != null ? List.of(location.container())
						: DatasetLocator.datasetContainers(session.stores, session.options, dataset.name());
				final Map<String, List<ImageEntry>> images = new LinkedHashMap<>();
				for (final Container container : containers) {
					final ScanResult scan = container.images("");
					scan.notes().forEach(session::note);
					images.put(container.uri(), scan.images());
				}
				printer.images(dataset.name(), facts, images);
				return;
			}
			final Container container = location.container();
			final MultiscaleGroup group = container.image(location.array());
			final List<ScaleLevel> levels = level == null ? group.levels() : List.of(group.level(level));
			printer.levels(dataset.name(), container.uri(), group, levels);
		});
		return 0;
	}
}
