package org.openorganelle.fiji.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.RootPaneContainer;
import javax.swing.SwingUtilities;

/**
 * Driving Swing from a test thread: actions and queries on the event thread, waiting,
 * screenshots. JDK only, so that a forked JVM with Fiji's class path can use it too.
 */
final class Gui {

	/** How long a test waits for the window to show something. */
	static final long TIMEOUT_MS = 30_000;

	private Gui() {
	}

	/** Runs an action on the event thread and waits for it (directly when already on it). */
	static void run(final Runnable action) throws Exception {
		if (SwingUtilities.isEventDispatchThread())
			action.run();
		else
			SwingUtilities.invokeAndWait(action);
	}

	/** Computes a value on the event thread (directly when already on it). */
	static <T> T get(final Callable<T> query) throws Exception {
		if (SwingUtilities.isEventDispatchThread())
			return query.call();
		final AtomicReference<T> value = new AtomicReference<>();
		final AtomicReference<Exception> failure = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> {
			try {
				value.set(query.call());
			} catch (final Exception e) {
				failure.set(e);
			}
		});
		if (failure.get() != null)
			throw failure.get();
		return value.get();
	}

	/** Waits until a condition (checked on the event thread) holds. */
	static void await(final String what, final Callable<Boolean> condition) throws Exception {
		final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
		while (!get(condition)) {
			if (System.currentTimeMillis() > deadline)
				throw new AssertionError("timed out waiting for " + what);
			Thread.sleep(20);
		}
	}

	/** The component of a name inside a window (depth first). */
	static <T extends Component> T find(final Container root, final String name, final Class<T> type) {
		final T found = search(root, name, type);
		if (found == null)
			throw new AssertionError("no " + type.getSimpleName() + " named " + name + " in " + root.getName());
		return found;
	}

	private static <T extends Component> T search(final Container root, final String name, final Class<T> type) {
		if (name.equals(root.getName()) && type.isInstance(root))
			return type.cast(root);
		for (final Component c : root.getComponents()) {
			final T found = c instanceof Container ? search((Container) c, name, type)
					: name.equals(c.getName()) && type.isInstance(c) ? type.cast(c) : null;
			if (found != null)
				return found;
		}
		return null;
	}

	/**
	 * Saves a picture of a window's content to {@code target/screenshots/<name>.png}, painted
	 * by the window itself: a capture of the screen would show whatever lies on top of it (Xvfb
	 * has no window manager to raise a dialog above the browser).
	 */
	static Path screenshot(final Window window, final String name) throws Exception {
		final BufferedImage image = get(() -> {
			final Component content = window instanceof RootPaneContainer ? ((RootPaneContainer) window).getRootPane()
					: window;
			final BufferedImage picture = new BufferedImage(content.getWidth(), content.getHeight(),
					BufferedImage.TYPE_INT_RGB);
			final Graphics2D g = picture.createGraphics();
			try {
				content.printAll(g);
			} finally {
				g.dispose();
			}
			return picture;
		});
		final Path file = Paths.get("target", "screenshots", name + ".png");
		Files.createDirectories(file.getParent());
		try {
			ImageIO.write(image, "png", file.toFile());
		} catch (final IOException e) {
			throw new IOException("cannot write " + file, e);
		}
		return file;
	}
}
