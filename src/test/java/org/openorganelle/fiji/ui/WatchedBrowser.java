package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openorganelle.fiji.store.StoreFactory;

/**
 * Gives each test of a class a new {@link BrowserFixture} on the {@link SlowBucket} (one
 * store factory for the class, Swing warmed up once), and fails the test when anything
 * reached {@code System.err} or an exception went uncaught while it ran ({@link Watch}).
 * Register it with {@code @RegisterExtension static final WatchedBrowser BROWSER = new WatchedBrowser();}.
 */
final class WatchedBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private StoreFactory stores;
	private Watch watch;
	private BrowserFixture browser;

	/** The window of the running test. */
	BrowserFixture get() {
		return browser;
	}

	@Override
	public void beforeAll(final ExtensionContext context) throws Exception {
		stores = new StoreFactory();
		SlowBucket.get();
		BrowserFixture.warmUpSwing();
	}

	@Override
	public void afterAll(final ExtensionContext context) {
		stores.close();
	}

	@Override
	public void beforeEach(final ExtensionContext context) throws Exception {
		watch = new Watch();
		browser = BrowserFixture.create(stores);
	}

	@Override
	public void afterEach(final ExtensionContext context) throws Exception {
		browser.close();
		watch.close();
		assertEquals("", watch.err(), "written to System.err");
		assertEquals(List.of(), watch.uncaught(), "uncaught exceptions");
	}
}
