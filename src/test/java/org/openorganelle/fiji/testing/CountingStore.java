package org.openorganelle.fiji.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openorganelle.fiji.store.ByteRange;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.Listing;

/** Records every get and list that passes through it to a real store. */
public final class CountingStore implements KeyValueStore {

	private final KeyValueStore store;
	public final List<String> gets = new CopyOnWriteArrayList<>();
	public final List<String> lists = new CopyOnWriteArrayList<>();
	/** Ranged reads, as {@code key (range)}. */
	public final List<String> ranges = new CopyOnWriteArrayList<>();

	public CountingStore(final KeyValueStore store) {
		this.store = store;
	}

	@Override
	public Optional<byte[]> get(final String key) {
		gets.add(key);
		return store.get(key);
	}

	@Override
	public Optional<byte[]> getRange(final String key, final ByteRange range) {
		ranges.add(key + " (" + range + ")");
		return store.getRange(key, range);
	}

	@Override
	public Listing list(final String prefix) {
		lists.add(prefix);
		return store.list(prefix);
	}

	@Override
	public String uri(final String key) {
		return store.uri(key);
	}

	/** The keys read that are not Zarr or N5 metadata documents, i.e. chunks. */
	public List<String> chunkGets() {
		final List<String> chunks = new CopyOnWriteArrayList<>();
		for (final String key : gets)
			if (FaultyStore.CHUNKS.test(key))
				chunks.add(key);
		return chunks;
	}
}
