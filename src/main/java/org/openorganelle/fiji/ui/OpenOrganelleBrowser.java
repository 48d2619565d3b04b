package org.openorganelle.fiji.ui;

import javax.swing.SwingUtilities;

import ij.IJ;
import ij.plugin.frame.Recorder;

/**
 * The OpenOrganelle browser window of the Fiji session (<i>Plugins › OpenOrganelle ›
 * Browse...</i>): a non-modal window listing the public bucket's datasets, a dataset's
 * arrays and an array's levels, with the catalog's facts, a thumbnail, previews and an
 * export dialog. Everything it reads is read on background threads and kept for the
 * session; the window never waits for the network.
 */
public final class OpenOrganelleBrowser {

	private static BrowserController shared;

	private OpenOrganelleBrowser() {
	}

	/**
	 * Opens the session's browser window, or brings it to front when it is open. Call it on
	 * the event thread; needs a display.
	 *
	 * @throws IllegalStateException when called on another thread
	 */
	public static void show() {
		if (!SwingUtilities.isEventDispatchThread())
			throw new IllegalStateException("the OpenOrganelle browser is opened on the event thread");
		if (shared == null)
			shared = new BrowserController(new BrowserWindow(), BrowserSession.SHARED,
					OpenOrganelleBrowser::record);
		shared.show();
	}

	/** Adds a macro line to ImageJ's Macro Recorder when it is recording (and no macro is running). */
	static void record(final String macroLine) {
		if (!Recorder.record || IJ.isMacro())
			return;
		final boolean script = Recorder.scriptMode();
		Recorder.recordString((script ? "IJ." : "") + macroLine + ";\n");
	}
}
