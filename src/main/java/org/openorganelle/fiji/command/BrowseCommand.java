package org.openorganelle.fiji.command;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.export.ExportOptions;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.view.Preview;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.Button;
import org.scijava.widget.FileWidget;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.frame.Recorder;

/**
 * <i>Plugins › OpenOrganelle › Browse...</i>: chooses a dataset of the public bucket (or a
 * container address), one of its arrays and a level, described by shape, type, voxel size
 * and size; previews the level lazily, and exports it like {@link ExportCommand} on OK.
 * Listings are made once per session (see {@link BrowseSession}). The Macro Recorder gets
 * the equivalent {@code run("OpenOrganelle Export...", ...)} line instead of this dialog's
 * inputs (the command is marked {@code no-record} for imagej-legacy).
 */
@Plugin(type = Command.class, menuPath = "Plugins>OpenOrganelle>Browse...", label = "OpenOrganelle Browse...",
		initializer = "init")
public class BrowseCommand extends DynamicCommand {

	/** Separates a level's name from its description in the level choices. */
	static final String LEVEL_SEPARATOR = " — ";

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Parameter
	private CommandService commands;

	@Parameter(label = "Dataset", persist = false, callback = "datasetChanged",
			description = "Dataset of the public bucket; the catalogued ones come first")
	private String dataset = "";

	@Parameter(label = "Array", persist = false, callback = "arrayChanged", description = "Image of the dataset")
	private String array = "";

	@Parameter(label = "Level", persist = false,
			description = "Pyramid level: shape z×y×x, type, voxel size z×y×x and uncompressed size")
	private String level = "";

	@Parameter(label = "Region", required = false, persist = false,
			description = "Box in voxels of the level, z0:z1,y0:y1,x0:x1, half-open; empty: the whole level")
	private String region = "";

	@Parameter(label = "Output directory", style = FileWidget.DIRECTORY_STYLE, persist = false,
			description = "Where the .npy and metadata files go (created if needed)")
	private File output = new File(System.getProperty("user.home"), "data" + File.separator + "openorganelle");

	@Parameter(label = "Workers", min = "1", max = "256", persist = false, description = "Parallel chunk fetches")
	private int workers = ExportOptions.DEFAULT_WORKERS;

	@Parameter(label = "Size limit", persist = false, description = "Refuse exports larger than this, e.g. 500M, 4G, "
			+ "1T (guards against downloading terabytes by mistake)")
	private String limit = ExportOptions.DEFAULT_LIMIT;

	@Parameter(label = "Preview", callback = "showPreview", persist = false,
			description = "Open the level lazily (BigDataViewer when available)")
	private Button preview;

	@Parameter(label = "Address", required = false, persist = false, callback = "datasetChanged",
			description = "Zarr container address instead of the dataset's in the public bucket (s3://, http(s)://)")
	private String address = "";

	@Parameter(label = "Endpoint", required = false, persist = false, callback = "init",
			description = "S3-compatible endpoint URL, e.g. http://localhost:9000; empty: AWS")
	private String endpoint = "";

	BrowseSession session = BrowseSession.SHARED;

	/** Lists the datasets (once per session), then the arrays and levels of the chosen one. */
	void init() {
		getInfo().set("no-record", "true");
		List<String> datasets;
		try {
			datasets = session.datasets(endpoint,
					() -> status.showStatus("Listing " + DatasetLocator.PUBLIC_BUCKET + " ..."));
		} catch (final OpenOrganelleException e) {
			log.error(e.getMessage());
			datasets = DatasetCatalog.bundled().existingDatasets();
		} finally {
			status.clearStatus();
		}
		dataset = choose("dataset", datasets, dataset);
		datasetChanged();
	}

	/** Lists the arrays of the chosen dataset (or address). */
	void datasetChanged() {
		List<String> arrays = List.of();
		try {
			arrays = session.images(endpoint, dataset, address);
		} catch (final OpenOrganelleException e) {
			log.error(e.getMessage());
		}
		array = choose("array", arrays, array);
		arrayChanged();
	}

	/** Describes the levels of the chosen array. */
	void arrayChanged() {
		final List<String> labels = new ArrayList<>();
		if (!array.isEmpty())
			try {
				final List<ScaleLevel> levels = session.levels(endpoint, dataset, address, array);
				levels.forEach(l -> labels.add(label(l, levels.get(0))));
			} catch (final OpenOrganelleException e) {
				log.error(e.getMessage());
			}
		final String name = levelName();
		final String current = labels.stream().filter(l -> l.startsWith(name + LEVEL_SEPARATOR)).findFirst()
				.orElse(level);
		level = choose("level", labels, current);
	}

	/** Opens the chosen level lazily and shows it. */
	void showPreview() {
		try {
			openPreview().ifPresent(ImagePlus::show);
		} catch (final OpenOrganelleException e) {
			log.error(e.getMessage());
		}
	}

	/** Opens the image lazily: the chosen level as a virtual hyperstack, or empty when BigDataViewer shows it (all levels when their geometry allows). */
	Optional<ImagePlus> openPreview() {
		final String name = levelName();
		final List<ScaleLevel> levels = session.levels(endpoint, dataset, address, array);
		final ScaleLevel chosen = levels.stream().filter(l -> l.name().equals(name)).findFirst()
				.orElseThrow(() -> new OpenOrganelleException("choose a level of " + array + " to preview"));
		final String source = CommandInputs.optional(address) == null ? dataset : address.strip();
		return Preview.open(levels, chosen, Preview.title(source, array, name));
	}

	/** Exports the chosen level with {@link ExportCommand}, then records the equivalent macro line. */
	@Override
	public void run() {
		final Module export = moduleService.createModule(commands.getCommand(ExportCommand.class));
		final Map<String, Object> inputs = MacroLine.inputs(dataset, array, levelName(), output, region, workers,
				limit, address, endpoint);
		inputs.forEach(export::setInput);
		export.run();
		final Cancelable outcome = (Cancelable) export.getDelegateObject();
		if (outcome.isCanceled()) {
			cancel(outcome.getCancelReason());
			return;
		}
		if (Recorder.record && !IJ.isMacro()) {
			Recorder.disableCommandRecording();
			final String line = MacroLine.of(inputs);
			Recorder.recordString((Recorder.scriptMode() ? "IJ." : "") + line + (Recorder.scriptMode() ? ";\n" : "\n"));
		}
	}

	/**
	 * A level's choice, its voxel size (z×y×x) after the finest level's:
	 * {@code s3 — 70×315×324 int16, 2.96×4×4 nm → 23.68×32×32 nm, 14.3 MB}.
	 */
	static String label(final ScaleLevel level, final ScaleLevel finest) {
		final String from = level == finest ? "" : finest.transform().map(t -> HumanReadable.lengths(t.scaleNm())
				+ " nm → ").orElse("");
		return level.name() + LEVEL_SEPARATOR + HumanReadable.shape(level.shape()) + " " + level.dataType().numpyName()
				+ level.transform().map(t -> ", " + from + HumanReadable.lengths(t.scaleNm()) + " nm").orElse("") + ", "
				+ HumanReadable.bytes(level.uncompressedBytes());
	}

	/** The chosen level's name: its label up to the separator. */
	private String levelName() {
		final String l = level == null ? "" : level;
		final int end = l.indexOf(LEVEL_SEPARATOR);
		return (end < 0 ? l : l.substring(0, end)).strip();
	}

	/** Offers the choices; keeps the current value when it is one of them, else takes the first. */
	private String choose(final String input, final List<String> choices, final String current) {
		getInfo().getMutableInput(input, String.class).setChoices(choices);
		return choices.contains(current) || choices.isEmpty() ? current : choices.get(0);
	}
}
