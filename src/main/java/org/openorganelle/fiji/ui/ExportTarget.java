package org.openorganelle.fiji.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.discovery.ContainerAddress;
import org.openorganelle.fiji.export.ExportOptions;
import org.openorganelle.fiji.export.ExportPlan;
import org.openorganelle.fiji.export.ExportResult;
import org.openorganelle.fiji.export.RegionParser;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * What an export dialog exports: the level chosen in the browser when the dialog was
 * opened. Resolves and runs the export exactly as the {@code OpenOrganelle Export...}
 * command does for the same inputs, so that its macro line repeats it.
 */
final class ExportTarget {

	private final Source source;
	private final String container;
	private final boolean firstContainer;
	private final String image;
	private final ScaleLevel level;
	private final BrowserSession session;

	private ExportTarget(final Source source, final String container, final boolean firstContainer,
			final String image, final ScaleLevel level, final BrowserSession session) {
		this.source = source;
		this.container = container;
		this.firstContainer = firstContainer;
		this.image = image;
		this.level = level;
		this.session = session;
	}

	/** The browser's chosen level (which must be loaded). */
	static ExportTarget of(final Selection selection, final BrowserSession session) {
		final boolean first = selection.images.keySet().stream().findFirst().map(selection.container::equals)
				.orElse(true);
		return new ExportTarget(selection.source(), selection.container, first, selection.image,
				selection.chosenLevel().orElseThrow(), session);
	}

	/** E.g. {@code jrc_mus-nacc-2 recon-2/em/fibsem-int16 s2: 10×18×20 int16}. */
	String describe() {
		return source.describe() + " " + image + " " + level.name() + ": " + HumanReadable.shape(level.shape()) + " "
				+ level.dataType().numpyName();
	}

	/**
	 * The box a region text selects (the whole level when blank).
	 *
	 * @throws org.openorganelle.fiji.OpenOrganelleException for a malformed region
	 */
	Region region(final String text) {
		return text.isBlank() ? Region.whole(level.shape()) : RegionParser.voxels(text.strip(), level.shape());
	}

	/** The uncompressed size of a region of the level. */
	long bytes(final Region region) {
		return region.elementCount() * level.dataType().size();
	}

	/**
	 * Exports; blocks (call it on a worker).
	 *
	 * @param region a voxel region text, or blank for the whole level
	 * @throws org.openorganelle.fiji.OpenOrganelleException when the export fails, is too
	 *         large or is cancelled (it then leaves no file)
	 */
	ExportResult export(final String region, final Path output, final ExportOptions options) {
		final ExportPlan plan = ExportPlan.resolve(session.container(source, container), source.dataset().isEmpty()
				? null
				: source.dataset(), List.of(image), level.name(), region.isBlank() ? null : region.strip(), null,
				null, output);
		return plan.run(options, r -> {
		}).get(0);
	}

	/**
	 * The macro line that repeats the export: {@code run("OpenOrganelle Export...", "dataset=... ...")}.
	 * It names the container by address when the dataset alone would not find it (a
	 * dataset's .n5 container) or when the typed address pointed inside it.
	 */
	String macroLine(final String region, final File output, final String limit) {
		return MacroLine.of(MacroLine.inputs(source.dataset(), image, level.name(), output, region, ExportOptions
				.DEFAULT_WORKERS, limit, address(), source.endpoint()));
	}

	private String address() {
		if (!source.address().isEmpty()) {
			final ContainerAddress typed = ContainerAddress.parse(source.address());
			return typed.path().isEmpty() ? source.address() : typed.container();
		}
		return firstContainer ? "" : container;
	}
}
