package org.openorganelle.fiji.view;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded pools of daemon threads for the preview's background reads: they never keep the
 * JVM (or Fiji) alive, and their threads end after a few idle seconds, so a closed preview
 * leaves no thread behind.
 */
final class DaemonPool {

	/** How long an idle thread waits for work before it ends. */
	private static final long KEEP_ALIVE_SECONDS = 5;

	private DaemonPool() {
	}

	/**
	 * A pool of at most {@code threads} threads named {@code name-1}, {@code name-2}, …; tasks
	 * beyond that wait in an unbounded queue (callers bound what they submit).
	 */
	static ExecutorService create(final String name, final int threads) {
		final ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS,
				TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory(name));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	private static ThreadFactory factory(final String name) {
		final AtomicInteger count = new AtomicInteger();
		return task -> {
			final Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
