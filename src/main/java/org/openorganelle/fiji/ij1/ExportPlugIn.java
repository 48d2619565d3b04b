package org.openorganelle.fiji.ij1;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.openorganelle.fiji.ByteSize;
import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.export.Cancellation;
import org.openorganelle.fiji.export.ExportOptions;
import org.openorganelle.fiji.export.ExportPlan;
import org.openorganelle.fiji.export.ExportProgress;
import org.openorganelle.fiji.export.ExportResult;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * <i>Plugins › OpenOrganelle › OpenOrganelle Export...</i>: exports one level (or a
 * region) of one or more OpenOrganelle arrays to {@code .npy} files, each with its
 * metadata record, like {@code openorganelle export}. Recordable and scriptable:
 *
 * <pre>
 * run("OpenOrganelle Export...", "dataset=jrc_mus-nacc-2 array=recon-2/em/fibsem-int16 level=s1 output=/data/oo");
 * </pre>
 *
 * Keys: {@code dataset}, {@code array} (comma-separated paths), {@code level},
 * {@code output} (default {@code data/openorganelle} in the user's home), {@code region}
 * (voxels {@code z0:z1,y0:y1,x0:x1}; empty for the whole level), {@code workers},
 * {@code limit} (the largest export allowed, default {@code 4G}),
 * {@code address} (a container address; empty for the dataset's container in the public
 * bucket) and {@code endpoint} (an S3-compatible endpoint URL; empty for AWS). Errors
 * are shown once with {@link IJ#error(String, String)}, which also aborts a running
 * macro; Esc cancels an export without leaving files behind.
 */
public class ExportPlugIn implements PlugIn {

	/** The dialog's title. */
	public static final String TITLE = "OpenOrganelle Export";

	/** The default dataset: the original loader's. */
	public static final String DEFAULT_DATASET = "jrc_mus-nacc-2";

	@Override
	public void run(final String arg) {
		final GenericDialog gd = new GenericDialog(TITLE);
		gd.addStringField("Dataset", DEFAULT_DATASET, 30);
		gd.addStringField("Array (paths, comma-separated)", "recon-2/em/fibsem-int16", 30);
		gd.addStringField("Level", ExportPlan.DEFAULT_LEVEL, 6);
		gd.addStringField("Output directory", defaultOutput().toString(), 30);
		gd.addStringField("Region (voxels z0:z1,y0:y1,x0:x1; empty: whole level)", "", 30);
		gd.addNumericField("Workers", ExportOptions.DEFAULT_WORKERS, 0);
		gd.addStringField("Limit (largest export, e.g. 4G)", ExportOptions.DEFAULT_LIMIT, 6);
		gd.addStringField("Address (container; empty: public bucket)", "", 30);
		gd.addStringField("Endpoint (S3-compatible URL; empty: AWS)", "", 30);
		gd.showDialog();
		if (gd.wasCanceled())
			return;
		final String dataset = gd.getNextString().trim();
		final List<String> arrays = arrays(gd.getNextString());
		final String level = gd.getNextString().trim();
		final String output = gd.getNextString().trim();
		final String region = gd.getNextString().trim();
		final double workers = gd.getNextNumber();
		final String limit = gd.getNextString().trim();
		final String address = gd.getNextString().trim();
		final String endpoint = gd.getNextString().trim();
		try {
			if (gd.invalidNumber() || workers != Math.rint(workers))
				throw new OpenOrganelleException("workers must be a whole number, e.g. " + ExportOptions.DEFAULT_WORKERS);
			final Cancellation cancellation = new Cancellation();
			final ExportOptions options = ExportOptions.defaults().withWorkers((int) workers).withMaxBytes(ByteSize
					.parse(limit.isEmpty() ? ExportOptions.DEFAULT_LIMIT : limit, "limit")).withCancellation(
							cancellation).withProgress(progress(cancellation));
			final List<ExportResult> results;
			try (StoreFactory stores = new StoreFactory()) {
				final StoreOptions storeOptions = StoreOptions.builder().endpoint(endpoint.isEmpty() ? null
						: StoreOptions.parseEndpoint(endpoint, "endpoint")).build();
				final ExportPlan plan = ExportPlan.resolve(DatasetLocator.locate(stores, storeOptions,
						dataset.isEmpty() ? null : dataset, address, arrays.isEmpty() ? "" : arrays.get(0)),
						dataset.isEmpty() ? null : dataset, arrays,
						level.isEmpty() ? null : level, region.isEmpty() ? null : region, null, null,
						Paths.get(output.isEmpty() ? defaultOutput().toString() : output));
				IJ.resetEscape();
				results = plan.run(options, r -> IJ.showStatus("Exporting " + r.group().path() + " " + r.level()
						.name() + ": " + HumanReadable.shape(r.region().size()) + ", " + HumanReadable.bytes(r.bytes())));
			}
			for (final ExportResult r : results)
				IJ.log("OpenOrganelle: wrote " + r.npy() + "\n    and " + r.metadata());
			IJ.showStatus("OpenOrganelle: exported " + results.size() + (results.size() == 1 ? " array" : " arrays"));
		}
		catch (final OpenOrganelleException e) {
			IJ.showStatus("");
			IJ.error("OpenOrganelle", e.getMessage());
		}
		finally {
			IJ.showProgress(1.0);
		}
	}

	/** {@code data/openorganelle} in the user's home directory. */
	static Path defaultOutput() {
		return Paths.get(System.getProperty("user.home"), "data", "openorganelle");
	}

	private static List<String> arrays(final String field) {
		final List<String> paths = new ArrayList<>();
		for (final String path : field.split(","))
			if (!path.trim().isEmpty())
				paths.add(path.trim());
		return paths;
	}


	/** Shows the fetched chunks in ImageJ's progress bar; Esc cancels. */
	private static ExportProgress progress(final Cancellation cancellation) {
		return status -> {
			if (IJ.escapePressed())
				cancellation.cancel("cancelled (Esc pressed)");
			if (status.chunksTotal > 0)
				IJ.showProgress((double) status.chunksDone / status.chunksTotal);
		};
	}
}
