package org.openorganelle.fiji.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The browser's background threads: daemon threads, so an open browser never keeps the JVM alive. */
final class Workers {

	/** Listings, metadata and thumbnails: a few at a time, the network being the limit. */
	static final ExecutorService LOADS = daemonPool("openorganelle-browser-load", 3);

	/** Exports and previews, which may take long and must not hold up the listings. */
	static final ExecutorService LONG = Executors.newCachedThreadPool(daemon("openorganelle-browser-task"));

	private Workers() {
	}

	private static ExecutorService daemonPool(final String name, final int threads) {
		return Executors.newFixedThreadPool(threads, daemon(name));
	}

	private static ThreadFactory daemon(final String name) {
		final AtomicInteger count = new AtomicInteger();
		return task -> {
			final Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
