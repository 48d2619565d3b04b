package org.openorganelle.fiji.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.ChunkGrid;
import org.openorganelle.fiji.array.Region;

/**
 * Decoded chunk boxes of one slab, kept in a temporary file while the slab is written in
 * several passes: each box is a C-order block, and the part of it a pass needs (whole
 * planes, or rows of one plane) is contiguous, so each pass reads it back with one read.
 * Thread-safe; the file is deleted on close.
 */
final class SlabSpool implements AutoCloseable {

	private final Region slab;
	private final int elementSize;
	private final Path file;
	private final FileChannel channel;
	private final Map<String, Long> offsets = new HashMap<>();
	private long end;

	SlabSpool(final Path directory, final Region slab, final int elementSize) {
		this.slab = slab;
		this.elementSize = elementSize;
		try {
			this.file = Files.createTempFile(directory, ".openorganelle-spool-", ".tmp");
			this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
		} catch (final IOException e) {
			throw new OpenOrganelleException("cannot create a spool file in " + directory + ": " + e.getMessage(), e);
		}
	}

	/** The slab whose boxes this spool holds. */
	Region slab() {
		return slab;
	}

	/** Stores a box's voxels ({@code block[0, box bytes)}, C order). */
	void put(final Region box, final byte[] block) {
		final int length = Math.toIntExact(box.elementCount() * elementSize);
		final long offset;
		synchronized (this) {
			offset = end;
			end += length;
			offsets.put(Arrays.toString(box.start()), offset);
		}
		final ByteBuffer buffer = ByteBuffer.wrap(block, 0, length);
		try {
			while (buffer.hasRemaining())
				channel.write(buffer, offset + buffer.position());
		} catch (final IOException e) {
			throw new OpenOrganelleException("cannot write the spool file " + file + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Reads the voxels of {@code part}, a sub-box of a stored box that spans the box's full
	 * extent on every axis after its first partial one (so it is contiguous).
	 */
	byte[] read(final Region box, final Region part) {
		final Long offset;
		synchronized (this) {
			offset = offsets.get(Arrays.toString(box.start()));
		}
		if (offset == null)
			throw new IllegalStateException("box " + box + " is not spooled");
		final long[] strides = ChunkGrid.strides(box.size());
		final long[] partStart = part.start();
		final long[] boxStart = box.start();
		long first = 0;
		for (int d = 0; d < strides.length; d++)
			first += (partStart[d] - boxStart[d]) * strides[d];
		final ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(part.elementCount() * elementSize));
		try {
			while (buffer.hasRemaining())
				if (channel.read(buffer, offset + first * elementSize + buffer.position()) < 0)
					throw new IOException("unexpected end of file");
		} catch (final IOException e) {
			throw new OpenOrganelleException("cannot read the spool file " + file + ": " + e.getMessage(), e);
		}
		return buffer.array();
	}

	@Override
	public void close() throws IOException {
		try {
			channel.close();
		} finally {
			Files.deleteIfExists(file);
		}
	}
}
