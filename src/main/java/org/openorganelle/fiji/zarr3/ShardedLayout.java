package org.openorganelle.fiji.zarr3;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.ChunkDecoder;
import org.openorganelle.fiji.array.ChunkLayout;
import org.openorganelle.fiji.array.NodePaths;
import org.openorganelle.fiji.codec.CodecException;
import org.openorganelle.fiji.store.AccessDeniedException;
import org.openorganelle.fiji.store.ByteRange;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.StoreException;

/**
 * Zarr v3 arrays sharded by {@code sharding_indexed}: the chunk grid is the grid of inner
 * chunks, and each inner chunk lives inside the shard object that holds it. A shard is never
 * read whole: its index is read once (one ranged read of its last or first bytes, cached per
 * array) and then only the byte ranges of the inner chunks asked for, neighbouring ranges
 * merged into one read.
 */
final class ShardedLayout implements ChunkLayout {

	/** The budget of cached shard indexes per array (an index of 16³ inner chunks holds 64 KiB). */
	private static final long INDEX_CACHE_BYTES = 32L << 20;
	/** Ranges of inner chunks at most this far apart are read together (the gap is read and dropped). */
	private static final long MERGE_GAP = 64 << 10;

	private final ChunkKeys keys;
	private final ShardingCodec codec;
	private final int[] perShard;
	private final ShardIndexCache indexes = new ShardIndexCache(INDEX_CACHE_BYTES);

	ShardedLayout(final ChunkKeys keys, final ShardingCodec codec) {
		this.keys = keys;
		this.codec = codec;
		this.perShard = codec.perShard();
	}

	@Override
	public String formatName() {
		return "Zarr v3";
	}

	@Override
	public ByteOrder storedByteOrder(final ArrayMetadata metadata) {
		return codec.inner().endian();
	}

	@Override
	public String chunkName(final long[] gridPosition) {
		final long[] shard = new long[gridPosition.length];
		for (int d = 0; d < shard.length; d++)
			shard[d] = gridPosition[d] / perShard[d];
		return keys.name(shard);
	}

	@Override
	public String describeChunk(final String objectUri, final long[] gridPosition) {
		return "inner chunk " + Arrays.toString(inShard(gridPosition)) + " of shard " + objectUri;
	}

	@Override
	public Optional<long[]> shardShape() {
		return Optional.of(codec.shardShape());
	}

	@Override
	public Optional<byte[]> fetch(final KeyValueStore store, final String arrayPath, final long[] gridPosition) {
		return fetchAll(store, arrayPath, List.of(gridPosition)).get(0);
	}

	/** Groups of up to {@code maxPerGroup} inner chunks of one shard, in the shard's index order. */
	@Override
	public List<List<long[]>> fetchGroups(final List<long[]> positions, final int maxPerGroup) {
		final Map<String, List<long[]>> byShard = new LinkedHashMap<>();
		for (final long[] position : positions)
			byShard.computeIfAbsent(chunkName(position), shard -> new ArrayList<>()).add(position);
		final List<List<long[]>> groups = new ArrayList<>();
		for (final List<long[]> inShard : byShard.values()) {
			inShard.sort(Comparator.comparingInt(this::entry));
			for (int from = 0; from < inShard.size(); from += maxPerGroup)
				groups.add(inShard.subList(from, Math.min(inShard.size(), from + maxPerGroup)));
		}
		return groups;
	}

	@Override
	public List<Optional<byte[]>> fetchAll(final KeyValueStore store, final String arrayPath,
			final List<long[]> positions) {
		final List<Optional<byte[]>> stored = new ArrayList<>(positions.size());
		final int[] entries = new int[positions.size()];
		final Map<String, List<Integer>> byShard = new LinkedHashMap<>();
		for (int i = 0; i < positions.size(); i++) {
			stored.add(Optional.empty());
			entries[i] = entry(positions.get(i));
			byShard.computeIfAbsent(NodePaths.child(arrayPath, chunkName(positions.get(i))), key -> new ArrayList<>())
					.add(i);
		}
		for (final Map.Entry<String, List<Integer>> shard : byShard.entrySet())
			readInShard(store, shard.getKey(), positions, entries, shard.getValue(), stored);
		return stored;
	}

	@Override
	public ChunkDecoder newDecoder(final ArrayMetadata metadata) {
		return new V3ChunkDecoder(metadata, codec.inner());
	}

	/**
	 * Reads the stored inner chunks {@code wanted} (indexes into {@code positions} and their
	 * index {@code entries}) of a shard into {@code stored}.
	 */
	private void readInShard(final KeyValueStore store, final String shardKey, final List<long[]> positions,
			final int[] entries, final List<Integer> wanted, final List<Optional<byte[]>> stored) {
		final ShardIndex index = index(store, shardKey, positions.get(wanted.get(0)));
		final List<Integer> present = new ArrayList<>();
		for (final int i : wanted)
			if (!index.isEmpty(entries[i]))
				present.add(i);
		present.sort(Comparator.comparingLong(i -> index.offset(entries[i])));
		for (int first = 0; first < present.size();) {
			final long start = index.offset(entries[present.get(first)]);
			long end = start + index.length(entries[present.get(first)]);
			int last = first;
			while (last + 1 < present.size()) {
				final int next = entries[present.get(last + 1)];
				final long nextEnd = Math.max(end, index.offset(next) + index.length(next));
				if (index.offset(next) - end > MERGE_GAP || nextEnd - start > ArrayMetadata.MAX_CHUNK_BYTES)
					break;
				end = nextEnd;
				last++;
			}
			readRun(store, shardKey, index, start, end, positions, entries, present.subList(first, last + 1),
					stored);
			first = last + 1;
		}
	}

	/**
	 * Reads the bytes {@code [start, end)} of a shard and cuts the inner chunks {@code run}
	 * out of them. When a read of several chunks fails for good (a place past the shard's
	 * end), they are read again one by one, so that the error names the inner chunk at fault.
	 */
	private void readRun(final KeyValueStore store, final String shardKey, final ShardIndex index, final long start,
			final long end, final List<long[]> positions, final int[] entries, final List<Integer> run,
			final List<Optional<byte[]>> stored) {
		final byte[] bytes;
		try {
			bytes = readRange(store, shardKey, ByteRange.of(start, (int) (end - start)), positions, run);
		} catch (final StoreException e) {
			if (run.size() == 1 || e.isRetryable() || e instanceof AccessDeniedException)
				throw e;
			for (final int i : run)
				readRun(store, shardKey, index, index.offset(entries[i]), index.offset(entries[i]) + index.length(
						entries[i]), positions, entries, List.of(i), stored);
			return;
		}
		for (final int i : run) {
			final int from = (int) (index.offset(entries[i]) - start);
			stored.set(i, Optional.of(Arrays.copyOfRange(bytes, from, from + index.length(entries[i]))));
		}
	}

	private byte[] readRange(final KeyValueStore store, final String shardKey, final ByteRange range,
			final List<long[]> positions, final List<Integer> run) {
		final String chunks = run.size() == 1 ? "inner chunk " + Arrays.toString(inShard(positions.get(run.get(0))))
				: "inner chunks " + Arrays.toString(inShard(positions.get(run.get(0)))) + " and " + (run.size() - 1)
						+ " more";
		final Optional<byte[]> bytes;
		try {
			bytes = store.getRange(shardKey, range);
		} catch (final AccessDeniedException e) {
			throw e;
		} catch (final StoreException e) {
			throw new StoreException(e.uri(), e.httpStatus(), e.isRetryable(), "cannot read " + chunks + " of shard "
					+ store.uri(shardKey) + " (" + range + ", as its index says): " + e.getMessage(), e);
		}
		return bytes.orElseThrow(() -> new StoreException(store.uri(shardKey), 404, false, "shard " + store.uri(
				shardKey) + " vanished after its index was read, before " + chunks + " could be", null));
	}

	/**
	 * The index of a shard, read once: a missing shard has the {@link ShardIndex#ABSENT} index.
	 *
	 * @param first the first inner chunk asked for, named in errors
	 */
	private ShardIndex index(final KeyValueStore store, final String shardKey, final long[] first) {
		final ByteRange range = codec.indexAtEnd() ? ByteRange.suffix(codec.indexBytes())
				: ByteRange.of(0, codec.indexBytes());
		final String reading = "cannot read " + describeChunk(store.uri(shardKey), first) + ": its index ("
				+ range + ")";
		try {
			return indexes.get(shardKey, () -> store.getRange(shardKey, range).map(encoded -> ShardIndex.decode(
					encoded, codec)).orElse(ShardIndex.ABSENT));
		} catch (final AccessDeniedException e) {
			throw e;
		} catch (final StoreException e) {
			throw new StoreException(e.uri(), e.httpStatus(), e.isRetryable(), reading + " cannot be read: " + e
					.getMessage(), e);
		} catch (final CodecException e) {
			throw new CodecException(reading + " " + e.getMessage(), e);
		}
	}

	/** The position of an inner chunk within its shard. */
	private long[] inShard(final long[] gridPosition) {
		final long[] position = new long[gridPosition.length];
		for (int d = 0; d < position.length; d++)
			position[d] = gridPosition[d] % perShard[d];
		return position;
	}

	/** The index entry (C order within the shard) of the inner chunk at a grid position. */
	private int entry(final long[] gridPosition) {
		int entry = 0;
		for (int d = 0; d < gridPosition.length; d++)
			entry = entry * perShard[d] + (int) (gridPosition[d] % perShard[d]);
		return entry;
	}
}
