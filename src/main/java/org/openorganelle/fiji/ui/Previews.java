package org.openorganelle.fiji.ui;

import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.view.Preview;

import ij.ImagePlus;

/**
 * The browser's two ways to look at a level without downloading it: BigDataViewer (all
 * levels when Fiji has it, see {@link Preview#open(List, ScaleLevel, String)}) or an ImageJ
 * virtual hyperstack of the chosen level. Opening runs on a worker; the window is shown on
 * the event thread.
 */
final class Previews {

	private final AreaLoader loads;

	Previews(final AreaLoader loads) {
		this.loads = loads;
	}

	/** Opens the chosen level in BigDataViewer, or as a virtual hyperstack without it. */
	void bigDataViewer(final Selection selection) {
		final Optional<ScaleLevel> chosen = selection.chosenLevel();
		if (chosen.isEmpty())
			return;
		final List<ScaleLevel> levels = selection.levels;
		final String title = title(selection, chosen.get());
		loads.start("Opening " + title + " ...", () -> Preview.open(levels, chosen.get(), title), image -> {
			image.ifPresent(ImagePlus::show);
			loads.note(image.isPresent() ? "BigDataViewer is not installed: opened " + title + " as a virtual stack"
					: "opened " + title + " in BigDataViewer");
		});
	}

	/** Opens the chosen level as an ImageJ virtual hyperstack, even when BigDataViewer is installed. */
	void virtualStack(final Selection selection) {
		final Optional<ScaleLevel> chosen = selection.chosenLevel();
		if (chosen.isEmpty())
			return;
		final List<ScaleLevel> levels = selection.levels;
		final String title = title(selection, chosen.get());
		loads.start("Opening " + title + " ...", () -> Preview.virtualStack(levels, chosen.get(), title), image -> {
			image.show();
			loads.note("opened " + title + " as a virtual stack");
		});
	}

	private static String title(final Selection selection, final ScaleLevel level) {
		return Preview.title(selection.source().describe(), selection.image, level.name());
	}
}
