package org.openorganelle.fiji.ui;

import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;

import javax.swing.SwingUtilities;

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * <i>Plugins › OpenOrganelle › Browse...</i>: opens the OpenOrganelle browser window of
 * the Fiji session, or brings it to front ({@link OpenOrganelleBrowser}). The window is
 * not modal and does its reading in the background; its exports record the equivalent
 * {@code run("OpenOrganelle Export...", ...)} line, so this command itself is not recorded.
 * Headless, it says that it needs a display and cancels (use the Export and List commands).
 */
@Plugin(type = Command.class, menuPath = "Plugins>OpenOrganelle>Browse...", label = BrowseCommand.TITLE,
		attrs = @Attr(name = "no-record", value = "true"))
public class BrowseCommand extends ContextCommand {

	/** The command's label. */
	public static final String TITLE = "OpenOrganelle Browse...";

	/** What a headless run says. */
	static final String NEEDS_DISPLAY = "OpenOrganelle Browse... needs a display: it opens a window. Headless, use "
			+ "'OpenOrganelle List...' to see datasets and arrays and 'OpenOrganelle Export...' to export";

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (GraphicsEnvironment.isHeadless()) {
			log.error(NEEDS_DISPLAY);
			cancel(NEEDS_DISPLAY);
			return;
		}
		if (SwingUtilities.isEventDispatchThread()) {
			OpenOrganelleBrowser.show();
			return;
		}
		try {
			SwingUtilities.invokeAndWait(OpenOrganelleBrowser::show);
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			cancel("interrupted while opening the browser window");
		} catch (final InvocationTargetException e) {
			log.error("the browser window could not be opened: " + e.getCause());
			cancel("the browser window could not be opened: " + e.getCause());
		}
	}
}
