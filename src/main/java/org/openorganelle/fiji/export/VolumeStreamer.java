package org.openorganelle.fiji.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.openorganelle.fiji.DaemonThreads;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.BlockCopy;
import org.openorganelle.fiji.array.ChunkGrid;
import org.openorganelle.fiji.array.ChunkReader;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.Region;

/**
 * Streams a region of an array into an {@code .npy} file in file order, hashing and
 * averaging on the way, in bounded memory.
 * <p>
 * The region is cut into slabs one chunk deep along the first axis. Workers fetch and
 * decode a slab's chunks in parallel into a buffer, which is then appended to the file
 * and the SHA-256; while it is written, the workers already fetch the next slab. Every
 * worker has one request in flight (so there are as many as workers: latency is hidden by
 * their number); decoding runs on at most one worker per core, each with a decoder of its
 * own from a pool no larger than the number of cores. A slab larger
 * than the memory budget is written in several passes of whole planes (or rows): its
 * chunks are then fetched and decoded once, their boxes kept in a {@link SlabSpool} on
 * local disk, and each pass reads back the contiguous part it needs. Memory is the budget,
 * the stored chunks of one fetch group per worker (one chunk, or up to {@value #MAX_GROUP}
 * neighbouring inner chunks of a shard) and two chunk buffers per core (decoded, cropped),
 * whatever the array's size.
 */
final class VolumeStreamer {

	/** Bytes per file write. */
	private static final int WRITE_SLICE = 1 << 20;
	/** The most chunks fetched together (neighbours in one shard, read by one ranged request). */
	private static final int MAX_GROUP = 16;
	/** How often a wait for chunk tasks checks for a failure or a cancellation. */
	private static final long POLL_MILLIS = 50;

	private final ChunkedArray array;
	private final ArrayMetadata metadata;
	private final Region region;
	private final int workers;
	private final long passBytes;
	private final Path spoolDirectory;
	private final Cancellation cancellation;
	private final ExportProgress progress;
	private final int elementSize;
	private final ChunkGrid grid;

	private final Queue<Decoder> decoders = new ConcurrentLinkedQueue<>();
	private final Semaphore cores = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
	private final AtomicLong chunksRead = new AtomicLong();
	private final AtomicLong chunksMissing = new AtomicLong();
	private final AtomicLong bytesWritten = new AtomicLong();
	private volatile byte[] buffer;
	private long started;
	private long bytesTotal;
	private long chunksTotal;

	/** What the streamer measured. */
	static final class Result {
		final String sha256;
		final Double mean;
		final long bytes;
		final long chunksRead;
		final long chunksMissing;

		Result(final String sha256, final Double mean, final long bytes, final long chunksRead,
				final long chunksMissing) {
			this.sha256 = sha256;
			this.mean = mean;
			this.bytes = bytes;
			this.chunksRead = chunksRead;
			this.chunksMissing = chunksMissing;
		}
	}

	/**
	 * @param memoryBudget bytes for the output buffer (it holds at least one row)
	 * @param spoolDirectory where a slab spool file goes when a slab exceeds the budget
	 */
	VolumeStreamer(final ChunkedArray array, final Region region, final int workers, final long memoryBudget,
			final Path spoolDirectory, final Cancellation cancellation, final ExportProgress progress) {
		this.array = array;
		this.metadata = array.metadata();
		this.region = region;
		this.workers = workers;
		this.passBytes = Math.min(ArrayMetadata.MAX_CHUNK_BYTES, Math.max(1, memoryBudget));
		this.spoolDirectory = spoolDirectory;
		this.cancellation = cancellation;
		this.progress = progress;
		this.elementSize = metadata.dataType().size();
		this.grid = new ChunkGrid(metadata);
	}

	/** Writes header and data to {@code out} from its current position. */
	Result stream(final FileChannel out) throws IOException {
		started = System.nanoTime();
		final byte[] header = NpyHeader.of(metadata.dataType(), region.size());
		bytesTotal = header.length + region.elementCount() * elementSize;
		chunksTotal = chunkCount(region);
		final MessageDigest sha256 = sha256();
		final ValueSums sums = new ValueSums(metadata.dataType());
		final ExecutorService pool = Executors.newFixedThreadPool(workers, DaemonThreads.named("openorganelle-fetch"));
		try {
			final Output output = new Output(out, sha256);
			output.write(header, header.length);
			final List<Region> slabs = slabs();
			final List<List<Region>> passes = new ArrayList<>();
			for (final Region slab : slabs)
				passes.add(passes(slab));
			Batch ahead = null;
			for (int i = 0; i < slabs.size(); i++) {
				final Region slab = slabs.get(i);
				if (passes.get(i).size() > 1) {
					spooled(pool, slab, passes.get(i), sums, output);
					continue;
				}
				final Batch batch = ahead != null ? ahead : direct(pool, slab, sums, true);
				batch.await();
				final boolean nextIsDirect = i + 1 < slabs.size() && passes.get(i + 1).size() == 1;
				ahead = nextIsDirect ? direct(pool, slabs.get(i + 1), sums, false) : null;
				output.write(buffer, (int) (slab.elementCount() * elementSize));
				if (ahead != null)
					ahead.open();
			}
			return new Result(hex(sha256.digest()), sums.mean(), bytesTotal, chunksRead.get(), chunksMissing.get());
		} finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Starts fetching a slab that fits the buffer. Its workers fetch at once but copy into
	 * the buffer only when the batch is open, so the next slab is fetched while the
	 * current one is still being written.
	 */
	private Batch direct(final ExecutorService pool, final Region slab, final ValueSums sums, final boolean open) {
		final Batch batch = new Batch(slab.elementCount() * elementSize);
		if (open)
			batch.open();
		batch.start(pool, grid.chunksIn(slab), true, (decoder, position, stored) -> sums.addBox(buffer, slab.size(),
				grid.copyIntoRegion(decoder.decode(position, stored), position, slab, buffer)));
		return batch;
	}

	/**
	 * Writes a slab larger than the buffer: fetches and decodes its chunks once into a
	 * spool, then assembles and writes it pass by pass from there.
	 */
	private void spooled(final ExecutorService pool, final Region slab, final List<Region> passes,
			final ValueSums sums, final Output output) throws IOException {
		try (SlabSpool spool = new SlabSpool(spoolDirectory, slab, elementSize)) {
			final Batch fill = new Batch(0);
			fill.open();
			fill.start(pool, grid.chunksIn(slab), true, (decoder, position, stored) -> {
				final Region box = overlap(position, slab);
				final byte[] block = decoder.block(box.elementCount() * elementSize);
				BlockCopy.copy(decoder.decode(position, stored), grid.chunkBox(position), block, box, elementSize);
				spool.put(box, block);
			});
			fill.await();
			for (final Region pass : passes) {
				final Batch batch = new Batch(pass.elementCount() * elementSize);
				batch.open();
				batch.start(pool, grid.chunksIn(pass), false, (decoder, position, stored) -> {
					final Region part = overlap(position, pass);
					final byte[] source = spool.read(overlap(position, slab), part);
					sums.addBox(buffer, pass.size(), BlockCopy.copy(source, part, buffer, pass, elementSize));
				});
				batch.await();
				output.write(buffer, (int) (pass.elementCount() * elementSize));
			}
		}
	}

	/** Grows the output buffer to at least {@code bytes} (and at once to the pass size when it fits). */
	private void buffer(final long bytes) {
		if (buffer == null || buffer.length < bytes)
			buffer = new byte[Math.toIntExact(Math.max(bytes, Math.min(passBytes, bytesTotal)))];
	}

	/** The part of a chunk inside a box, in array coordinates. */
	private Region overlap(final long[] position, final Region box) {
		final Region inBox = grid.intersection(position, box);
		final long[] start = inBox.start();
		final long[] boxStart = box.start();
		for (int d = 0; d < start.length; d++)
			start[d] += boxStart[d];
		return new Region(start, inBox.size());
	}

	/**
	 * The chunk tasks of one slab or pass. Fetches (when asked) run on every worker at once
	 * as soon as the batch starts; the rest of a task, which writes the buffer, waits until
	 * the batch is open and then runs on at most as many workers at a time as there are
	 * cores. The first failure or a cancellation stops the remaining tasks.
	 */
	private final class Batch {
		private final long bytes;
		private final CountDownLatch gate = new CountDownLatch(1);
		private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
		private final List<Future<?>> futures = new ArrayList<>();

		/** @param bytes the part of the buffer the batch fills */
		Batch(final long bytes) {
			this.bytes = bytes;
		}

		/** Lets the tasks write the buffer, once it is free and large enough. */
		void open() {
			buffer(bytes);
			gate.countDown();
		}

		/**
		 * Starts one task per fetch group ({@link ChunkedArray#fetchGroups}; every chunk alone
		 * when nothing is fetched): the group's stored bytes are fetched together, then each
		 * chunk is handed to {@code task} in turn.
		 */
		void start(final ExecutorService pool, final List<long[]> positions, final boolean fetch,
				final ChunkTask task) {
			cancellation.check();
			final List<List<long[]>> groups = fetch ? array.fetchGroups(positions, groupSize(positions.size()))
					: array.fetchGroups(positions, 1);
			for (final List<long[]> group : groups)
				futures.add(pool.submit(() -> {
					if (failure.get() != null || cancellation.isCancelled())
						return;
					try {
						final List<Optional<byte[]>> stored = fetch ? array.fetchAll(group) : null;
						gate.await();
						for (int i = 0; i < group.size(); i++)
							run(task, group.get(i), stored == null ? null : stored.get(i));
					} catch (final InterruptedException e) {
						Thread.currentThread().interrupt();
						failure.compareAndSet(null, new ExportCancelledException("was interrupted"));
					} catch (final RuntimeException e) {
						failure.compareAndSet(null, e);
					}
				}));
		}

		/** Runs one chunk's task on a pooled decoder, holding one of the cores. */
		private void run(final ChunkTask task, final long[] position, final Optional<byte[]> stored)
				throws InterruptedException {
			cores.acquire();
			final Decoder pooled = decoders.poll();
			final Decoder decoder = pooled != null ? pooled : new Decoder();
			try {
				task.run(decoder, position, stored);
			} finally {
				decoders.offer(decoder);
				cores.release();
			}
			report();
		}

		/**
		 * Waits for every task; rethrows the first failure, or the cancellation. Either
		 * stops the wait at once: the other tasks are cancelled, and a request still
		 * blocked on the network (a stalled server) is left to its own timeout instead of
		 * holding the export back.
		 */
		void await() {
			for (final Future<?> f : futures)
				while (!VolumeStreamer.await(f, POLL_MILLIS))
					if (failure.get() != null || cancellation.isCancelled()) {
						futures.forEach(other -> other.cancel(true));
						break;
					}
			cancellation.check();
			if (failure.get() != null)
				throw failure.get();
		}
	}

	private void report() {
		progress.update(new ExportProgress.Status(chunksRead.get(), chunksTotal, bytesWritten.get(), bytesTotal,
				System.nanoTime() - started));
	}

	/**
	 * The most chunks one fetch may bring together: enough tasks are left to keep every
	 * worker busy twice over, and at most {@link #MAX_GROUP} chunks' stored bytes are held
	 * by one worker.
	 */
	private int groupSize(final int chunks) {
		return (int) Math.max(1, Math.min(MAX_GROUP, chunks / (2L * workers)));
	}

	/** Slabs one chunk deep along axis 0, covering the region. */
	private List<Region> slabs() {
		final List<Region> slabs = new ArrayList<>();
		final long[] start = region.start();
		final long[] size = region.size();
		final long end = start[0] + size[0];
		final int depth = metadata.chunks()[0];
		for (long z = start[0]; z < end;) {
			final long next = Math.min(end, (z / depth + 1) * depth);
			final long[] s = start.clone();
			final long[] n = size.clone();
			s[0] = z;
			n[0] = next - z;
			slabs.add(new Region(s, n));
			z = next;
		}
		return slabs;
	}

	/** A slab as one pass, or split into passes of whole planes, or of rows when a plane is too large. */
	private List<Region> passes(final Region slab) {
		final long[] start = slab.start();
		final long[] size = slab.size();
		final long planeBytes = slab.elementCount() / Math.max(1, size[0]) * elementSize;
		final List<Region> passes = new ArrayList<>();
		if (slab.elementCount() * elementSize <= passBytes || size.length == 1) {
			passes.add(slab);
			return passes;
		}
		final int axis = planeBytes <= passBytes || size.length == 2 ? 0 : 1;
		final long unitBytes = axis == 0 ? planeBytes : planeBytes / Math.max(1, size[1]);
		final long perPass = Math.max(1, passBytes / Math.max(1, unitBytes));
		for (long z = 0; z < size[0]; z += axis == 0 ? perPass : 1)
			for (long y = 0; y < (axis == 0 ? 1 : size[1]); y += perPass) {
				final long[] s = start.clone();
				final long[] n = size.clone();
				s[0] = start[0] + z;
				n[0] = axis == 0 ? Math.min(perPass, size[0] - z) : 1;
				if (axis == 1) {
					s[1] = start[1] + y;
					n[1] = Math.min(perPass, size[1] - y);
				}
				passes.add(new Region(s, n));
			}
		return passes;
	}

	private long chunkCount(final Region r) {
		final long[] start = r.start();
		final long[] end = r.end();
		final int[] chunks = metadata.chunks();
		long count = 1;
		for (int d = 0; d < start.length; d++)
			count *= end[d] <= start[d] ? 0 : (end[d] - 1) / chunks[d] - start[d] / chunks[d] + 1;
		return count;
	}

	/** Waits up to {@code millis} for a task; whether it has ended (done, failed or cancelled). */
	private static boolean await(final Future<?> future, final long millis) {
		try {
			future.get(millis, TimeUnit.MILLISECONDS);
			return true;
		} catch (final TimeoutException e) {
			return false;
		} catch (final CancellationException e) {
			return true;
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ExportCancelledException("was interrupted");
		} catch (final ExecutionException e) {
			if (e.getCause() instanceof OutOfMemoryError)
				throw new OpenOrganelleException("out of memory: an export needs its buffer (--memory), one chunk "
						+ "per worker and two per core on the Java heap (" + Runtime.getRuntime().maxMemory() / (1 << 20)
						+ " MiB here); lower --memory or --workers, or give Java more heap (-Xmx)", e.getCause());
			throw new OpenOrganelleException("export worker failed: " + e.getCause(), e.getCause());
		}
	}

	/** A unit of per-chunk work, given a decoder and the chunk's stored bytes when they were fetched (else null). */
	private interface ChunkTask {
		void run(Decoder decoder, long[] position, Optional<byte[]> stored);
	}

	/** Appends blocks to the file and the digest, in order. */
	private final class Output {
		private final FileChannel out;
		private final MessageDigest digest;

		Output(final FileChannel out, final MessageDigest digest) {
			this.out = out;
			this.digest = digest;
		}

		/**
		 * Writes in slices: the JDK copies a heap buffer through a temporary direct buffer of
		 * the same size (kept per thread), so one large write would double the memory.
		 */
		void write(final byte[] data, final int length) throws IOException {
			cancellation.check();
			digest.update(data, 0, length);
			for (int at = 0; at < length; at += WRITE_SLICE) {
				final ByteBuffer slice = ByteBuffer.wrap(data, at, Math.min(WRITE_SLICE, length - at));
				while (slice.hasRemaining())
					out.write(slice);
			}
			bytesWritten.addAndGet(length);
			report();
		}
	}

	/** Decoding state, used by one task at a time: a chunk reader, a chunk buffer and a block buffer. */
	private final class Decoder {
		private final ChunkReader reader = array.newChunkReader();
		private final byte[] chunk = new byte[metadata.chunkBytes()];
		private byte[] block = new byte[0];

		/** A fetched chunk decoded into this decoder's chunk buffer, counting it. */
		byte[] decode(final long[] position, final Optional<byte[]> stored) {
			reader.decode(position, stored, chunk);
			chunksRead.incrementAndGet();
			if (stored.isEmpty())
				chunksMissing.incrementAndGet();
			return chunk;
		}

		byte[] block(final long bytes) {
			if (block.length < bytes)
				block = new byte[(int) bytes];
			return block;
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JVM lacks SHA-256", e);
		}
	}

	private static String hex(final byte[] bytes) {
		final StringBuilder s = new StringBuilder(bytes.length * 2);
		for (final byte b : bytes)
			s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
		return s.toString();
	}
}
