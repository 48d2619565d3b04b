package org.openorganelle.fiji.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.openorganelle.fiji.ByteSize;
import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.codec.ZstdDecoders;
import org.openorganelle.fiji.export.ExportOptions;
import org.openorganelle.fiji.discovery.Location;
import org.openorganelle.fiji.export.ExportPlan;
import org.openorganelle.fiji.export.ExportResult;

import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code openorganelle export}: one level (or region) of one or more arrays to
 * {@code <name>_<level>_<timestamp>.npy} plus {@code metadata_<name>_<level>_<timestamp>.json}.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a level (or a region) of one or "
		+ "more arrays to NumPy .npy files, each with a v2.0 metadata JSON record.")
final class ExportAction implements Callable<Integer> {

	@ParentCommand
	private OpenOrganelleCli cli;

	@Mixin
	private ConnectionOptions connection;

	@Mixin
	private DatasetOptions dataset;

	@Option(names = { "--array", "--zarr-path" }, paramLabel = "PATH", split = ",",
			description = "Array to export, repeatable: a multiscale group (recon-2/em/fibsem-int16), a level path "
					+ "(recon-2/em/fibsem-int16/s8) or a group holding one array (recon-2/em); not needed when "
					+ "--s3-uri is the array's own address (env ZARR_PATH).")
	private List<String> arrays = new ArrayList<>();

	@Option(names = "--level", paramLabel = "sN",
			description = "Pyramid level (default: s1, as the original loader; s0 is full resolution).")
	private String level;

	@ArgGroup(exclusive = true)
	private RegionOption region;

	/** Either a voxel region or a physical one. */
	static final class RegionOption {
		@Option(names = "--region", paramLabel = "z0:z1,y0:y1,x0:x1",
				description = "Box in voxels of the level, half-open like NumPy slices; empty bounds mean the edge.")
		String voxels;

		@Option(names = "--region-nm", paramLabel = "z0:z1,y0:y1,x0:x1",
				description = "Box in nanometres (voxels whose centres lie inside).")
		String nanometres;
	}

	@Option(names = "--output", paramLabel = "DIR", defaultValue = "data/openorganelle",
			description = "Output directory, created if needed (default: ${DEFAULT-VALUE}; env OUTPUT_DIR).")
	private Path output;

	@Option(names = "--workers", paramLabel = "N", defaultValue = "" + ExportOptions.DEFAULT_WORKERS,
			description = "Requests in flight at once (default: ${DEFAULT-VALUE}; env MAX_WORKERS); decoding uses one "
					+ "thread per core. More help on a slow or distant network, fewer on a busy server.")
	private int workers;

	@Option(names = "--voxel-size", paramLabel = "z,y,x", split = ",",
			description = "Voxel size in nm of the exported level, when the metadata lacks it (or to override it).")
	private double[] voxelSize;

	@Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "4G",
			description = "Refuse exports larger than this (default: ${DEFAULT-VALUE}); e.g. 500M, 16G.")
	private String maxBytes;

	@Option(names = "--memory", paramLabel = "SIZE", defaultValue = "64M",
			description = "Output buffer memory (default: ${DEFAULT-VALUE}); larger slabs are written in passes. "
					+ "scripts/openorganelle sizes the JVM heap from it.")
	private String memory;

	@Override
	public Integer call() throws Exception {
		Session.run(cli, connection, session -> {
			final ExportOptions options = ExportOptions.defaults().withWorkers(workers)
					.withMaxBytes(ByteSize.parse(maxBytes, "--max-bytes")).withMemory(ByteSize.parse(memory, "--memory"))
					.withCancellation(session.cancellation);
			final Location location = dataset.locate(session, arrays.isEmpty() ? "" : arrays.get(0));
			final ExportPlan plan = ExportPlan.resolve(location, dataset.name(), arrays, level,
					region == null ? null : region.voxels, region == null ? null : region.nanometres, voxelSize, output);
			final ProgressPrinter progress = new ProgressPrinter(session.err, connection.verbose ? 1 : 5);
			session.note(ZstdDecoders.description());
			final List<ExportResult> results = plan.run(options.withProgress(progress), r -> {
				final String label = r.group().path() + " " + r.level().name();
				progress.start(label);
				session.err.println("exporting " + label + ": " + HumanReadable.shape(r.region().size()) + " "
						+ r.level().dataType().numpyName() + ", " + HumanReadable.bytes(r.bytes()));
				session.err.flush();
			});
			if (connection.json)
				printJson(session, results);
			else
				for (final ExportResult result : results)
					session.out.println("wrote " + result.npy() + "\n      " + result.metadata());
		});
		return 0;
	}

	private static void printJson(final Session session, final List<ExportResult> results) throws Exception {
		final ArrayNode list = Json.mapper().createArrayNode();
		for (final ExportResult r : results)
			list.addObject().put("volume", r.npy().toString()).put("metadata", r.metadata().toString())
					.put("bytes", r.bytes()).put("sha256", r.sha256());
		session.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
	}
}
