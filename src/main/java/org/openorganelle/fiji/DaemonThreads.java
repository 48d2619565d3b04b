package org.openorganelle.fiji;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's background threads: daemon threads, so that they never keep the JVM (or
 * Fiji) alive, named {@code name-1}, {@code name-2}, … so that a thread dump says whose they are.
 */
public final class DaemonThreads {

	/** How long an idle thread of a {@link #pool} waits for work before it ends. */
	private static final long KEEP_ALIVE_SECONDS = 5;

	private DaemonThreads() {
	}

	/** Makes daemon threads named {@code name-1}, {@code name-2}, …. */
	public static ThreadFactory named(final String name) {
		final AtomicInteger count = new AtomicInteger();
		return task -> {
			final Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * A pool of at most {@code threads} daemon threads whose threads end after a few idle
	 * seconds, so a pool kept for a session leaves no thread behind while unused; tasks beyond
	 * {@code threads} wait in an unbounded queue (callers bound what they submit).
	 */
	public static ExecutorService pool(final String name, final int threads) {
		final ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), named(name));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}
}
