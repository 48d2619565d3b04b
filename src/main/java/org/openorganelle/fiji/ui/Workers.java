package org.openorganelle.fiji.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.openorganelle.fiji.DaemonThreads;

/** The browser's background threads: daemon threads, so an open browser never keeps the JVM alive. */
final class Workers {

	/** Listings, metadata and thumbnails: a few at a time, the network being the limit. */
	static final ExecutorService LOADS = DaemonThreads.pool("openorganelle-browser-load", 3);

	/** Exports and previews, which may take long and must not hold up the listings. */
	static final ExecutorService LONG = Executors.newCachedThreadPool(DaemonThreads.named(
			"openorganelle-browser-task"));

	private Workers() {
	}
}
