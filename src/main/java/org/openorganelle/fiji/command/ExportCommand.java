package org.openorganelle.fiji.command;

import java.io.File;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.openorganelle.fiji.ByteSize;
import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.export.Cancellation;
import org.openorganelle.fiji.export.ExportOptions;
import org.openorganelle.fiji.export.ExportPlan;
import org.openorganelle.fiji.export.ExportProgress;
import org.openorganelle.fiji.export.ExportRequest;
import org.openorganelle.fiji.export.ExportResult;
import org.openorganelle.fiji.store.StoreFactory;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Exports one level (or a region) of one or more OpenOrganelle arrays to NumPy
 * {@code .npy} files, each with its metadata JSON record, like
 * {@code openorganelle export}. Headless; its inputs have the names of the ImageJ 1
 * menu command's macro keys. A failure is logged and cancels the module with the
 * message; cancelling the module stops a running export, which then leaves no files.
 */
@Plugin(type = Command.class, headless = true, label = ExportCommand.TITLE, name = ExportCommand.TITLE)
public class ExportCommand extends ContextCommand {

	/** The command's title (and name), as given to {@code --run}. */
	public static final String TITLE = "OpenOrganelle Export...";

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Parameter(label = "Dataset", required = false, persist = false,
			description = "Dataset in the public bucket, e.g. jrc_mus-nacc-2 (may be empty when an address is given)")
	private String dataset;

	@Parameter(label = "Array", required = false, persist = false, description = "Array path(s), comma-separated: a "
			+ "multiscale group (recon-2/em/fibsem-int16, or em/fibsem-uint16 in an N5 container), a level path "
			+ "(recon-2/em/fibsem-int16/s8) or a group holding one array; may be empty when the address is an array's")
	private String array;

	@Parameter(label = "Level", persist = false,
			description = "Pyramid level, s0 being full resolution; empty: s1, or the level of a level path")
	private String level = ExportPlan.DEFAULT_LEVEL;

	@Parameter(label = "Output directory", style = FileWidget.DIRECTORY_STYLE, persist = false,
			description = "Where the .npy and metadata files go (created if needed)")
	private File output = new File("data/openorganelle");

	@Parameter(label = "Region", required = false, persist = false,
			description = "Box in voxels of the level, z0:z1,y0:y1,x0:x1, half-open; empty: the whole level")
	private String region = "";

	@Parameter(label = "Workers", min = "1", max = "256", persist = false,
			description = "Requests in flight at once (decoding uses one thread per core)")
	private int workers = ExportOptions.DEFAULT_WORKERS;

	@Parameter(label = "Size limit", persist = false, description = "Refuse exports larger than this, e.g. 500M, 4G, "
			+ "1T (guards against downloading terabytes by mistake)")
	private String limit = ExportOptions.DEFAULT_LIMIT;

	@Parameter(label = "Address", required = false, persist = false,
			description = "Address of a Zarr or N5 container, or of an array or level in one (as the OpenOrganelle "
					+ "website gives it), instead of the dataset's containers in the public bucket (s3://, http(s)://, "
					+ "n5://, zarr://)")
	private String address = "";

	@Parameter(label = "Endpoint", required = false, persist = false,
			description = "S3-compatible endpoint URL, e.g. http://localhost:9000; empty: AWS")
	private String endpoint = "";

	@Parameter(label = "AWS profile", required = false, persist = false,
			description = "Sign requests with this AWS profile (config and credentials files); empty: anonymous")
	private String profile = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Volumes", description = "The written .npy files, comma-separated")
	private String volumes;

	@Parameter(type = ItemIO.OUTPUT, label = "Metadata", description = "The written metadata files, comma-separated")
	private String metadata;

	private final Cancellation cancellation = new Cancellation();

	@Override
	public void run() {
		try (StoreFactory stores = new StoreFactory()) {
			final String name = CommandInputs.optional(dataset);
			final List<String> arrays = CommandInputs.list(array);
			final ExportPlan plan = ExportPlan.resolve(
					DatasetLocator.locate(stores, CommandInputs.storeOptions(endpoint, profile), name,
							CommandInputs.optional(address), arrays.isEmpty() ? "" : arrays.get(0)),
					name, arrays, CommandInputs.optional(level), CommandInputs.optional(region), null, null,
					output.toPath());
			final ExportOptions options = ExportOptions.defaults().withWorkers(workers).withMaxBytes(ByteSize.parse(
					limit, "size limit")).withCancellation(cancellation).withProgress(progress());
			final List<ExportResult> results = plan.run(options, this::starting);
			for (final ExportResult r : results)
				log.info("wrote " + r.npy() + " and " + r.metadata());
			volumes = results.stream().map(r -> r.npy().toString()).collect(Collectors.joining(","));
			metadata = results.stream().map(r -> r.metadata().toString()).collect(Collectors.joining(","));
		} catch (final OpenOrganelleException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		} finally {
			status.clearStatus();
		}
	}

	/** Also stops a running export: its workers check the cancellation between chunks. */
	@Override
	public void cancel(final String reason) {
		super.cancel(reason);
		cancellation.cancel(reason == null || reason.isEmpty() ? "was cancelled" : "was cancelled (" + reason + ")");
	}

	private void starting(final ExportRequest r) {
		final String what = "exporting " + r.group().path() + " " + r.level().name() + ": "
				+ HumanReadable.shape(r.region().size()) + " " + r.level().dataType().numpyName() + ", "
				+ HumanReadable.bytes(r.bytes());
		log.info(what);
		status.showStatus(what);
	}

	/** Progress in per-mille of the chunks, shown only when it changes. */
	private ExportProgress progress() {
		final AtomicInteger shown = new AtomicInteger(-1);
		return s -> {
			final int permille = s.chunksTotal == 0 ? 1000 : (int) (1000 * s.chunksDone / s.chunksTotal);
			if (shown.getAndSet(permille) != permille)
				status.showProgress(permille, 1000);
		};
	}
}
