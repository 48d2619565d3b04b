package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.testing.SciJavaRun;
import org.scijava.Context;

/** {@link BrowseCommand} with a display: it opens the session's one browser window, and again brings it to front. */
@Tag("gui")
class BrowseCommandWindowTest {

	private static List<Frame> browsers() {
		return Arrays.stream(Frame.getFrames()).filter(f -> "openOrganelleBrowser".equals(f.getName()) && f
				.isShowing()).collect(Collectors.toList());
	}

	@Test
	void itOpensOneBrowserWindowPerSession() throws Exception {
		assertFalse(GraphicsEnvironment.isHeadless(), "this test needs a display");
		final Context context = SciJavaRun.context();
		try {
			final SciJavaRun first = SciJavaRun.run(context, BrowseCommand.class, Map.of());
			assertFalse(first.canceled(), first.cancelReason());
			assertEquals(1, browsers().size());
			final Frame window = browsers().get(0);
			SwingUtilities.invokeAndWait(() -> window.setState(Frame.ICONIFIED));
			final SciJavaRun second = SciJavaRun.run(context, BrowseCommand.class, Map.of());
			assertFalse(second.canceled(), second.cancelReason());
			assertEquals(List.of(window), browsers(), "a second window was opened");
			assertEquals(List.of(), first.errors);
			assertTrue(window.isShowing());
			assertEquals(Frame.NORMAL, window.getState(), "the window was not brought back");
		} finally {
			SwingUtilities.invokeAndWait(() -> browsers().forEach(Frame::dispose));
			context.dispose();
		}
	}
}
