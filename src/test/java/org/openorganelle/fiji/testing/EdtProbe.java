package org.openorganelle.fiji.testing;

import java.awt.EventQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how responsive the Swing event thread is: every 20 ms a probe is posted to it,
 * and the longest time a probe waited before it ran is the longest stall a user would
 * have felt. A probe still waiting counts with its age so far.
 */
public final class EdtProbe implements AutoCloseable {

	/** How often a probe is posted. */
	public static final long PERIOD_MS = 20;

	/** Stalls at least this long are listed by {@link #stalls()}. */
	public static final long NOTED_MS = 50;

	private final long started = System.nanoTime();
	private final List<String> stalls = new CopyOnWriteArrayList<>();
	private final AtomicLong longestNanos = new AtomicLong();
	private final AtomicLong pendingSince = new AtomicLong(-1);
	private final Thread poster;
	private volatile boolean running = true;

	private EdtProbe() {
		poster = new Thread(this::post, "edt-probe");
		poster.setDaemon(true);
		poster.start();
	}

	/** Starts probing. */
	public static EdtProbe start() {
		return new EdtProbe();
	}

	private void post() {
		while (running) {
			final long now = System.nanoTime();
			final long waiting = pendingSince.get();
			if (waiting >= 0)
				longestNanos.accumulateAndGet(now - waiting, Math::max);
			else if (pendingSince.compareAndSet(-1, now))
				EventQueue.invokeLater(() -> {
					final long stall = System.nanoTime() - now;
					longestNanos.accumulateAndGet(stall, Math::max);
					if (stall >= TimeUnit.MILLISECONDS.toNanos(NOTED_MS))
						stalls.add(TimeUnit.NANOSECONDS.toMillis(stall) + " ms at " + TimeUnit.NANOSECONDS.toMillis(now
								- started) + " ms");
					pendingSince.set(-1);
				});
			try {
				Thread.sleep(PERIOD_MS);
			} catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The longest stall so far, in milliseconds. */
	public long longestStallMillis() {
		final long waiting = pendingSince.get();
		final long current = waiting < 0 ? 0 : System.nanoTime() - waiting;
		return TimeUnit.NANOSECONDS.toMillis(Math.max(longestNanos.get(), current));
	}

	/** The stalls of at least {@value #NOTED_MS} ms: their length and when they began (since the start). */
	public List<String> stalls() {
		return List.copyOf(stalls);
	}

	/** Milliseconds since the probe started, to relate stalls to a test's steps. */
	public long elapsedMillis() {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	/** Forgets the stalls so far (e.g. after the window's first layout). */
	public void reset() {
		longestNanos.set(0);
	}

	@Override
	public void close() {
		running = false;
		poster.interrupt();
	}
}
