package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.CountingStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.zarr3.ZarrV3Format;

import ij.ImagePlus;

/**
 * The sharded Zarr v3 miniature of jrc_mosquito-stylet-6 (4³ inner chunks in 64³ shards) as a
 * virtual stack: every plane shows the numpy array the shards were encoded from, and a plane
 * reads each shard's index once and only the inner chunks it crosses, by range.
 */
class ShardedPlaneTest {

	private static final String LEVEL = "jrc_mosquito-stylet-6/jrc_mosquito-stylet-6.zarr/recon-1/em/fibsem-uint8/";

	private static CountingStore store(final String level) {
		return new CountingStore(new FileStore(Fixtures.bucket().resolve(LEVEL + level)));
	}

	@Test
	void everyPlaneOfEveryLevelEqualsTheNpy() throws IOException {
		for (final String level : List.of("s0", "s1", "s2")) {
			final ChunkedArray array = ZarrV3Format.INSTANCE.openArray(store(level), "");
			final ImagePlus imp = LevelHyperstack.open(LevelImage.open(array, ChunkCache.DEFAULT_MAX_BYTES), Optional
					.empty(), level);
			assertEquals(8, imp.getBitDepth());
			LevelStackTest.assertPlanes(Expected.read(Fixtures.bucketExpected().resolve(LEVEL + level + ".npy")), imp,
					"u1", level);
		}
	}

	@Test
	void aPlaneReadsTheIndexesOfTheShardsItCrossesOnceAndOnlyItsInnerChunks() {
		final CountingStore store = store("s0");
		final ChunkedArray array = ZarrV3Format.INSTANCE.openArray(store, "");
		final ImagePlus imp = LevelHyperstack.open(LevelImage.open(array, ChunkCache.DEFAULT_MAX_BYTES), Optional
				.empty(), "s0");
		final int storedInnerChunksPerLayer = 17 * 20 - 16 * 4;
		final List<String> indexes = store.ranges.stream().filter(r -> r.endsWith("(the last 65540 bytes)")).map(
				r -> r.substring(0, r.indexOf(' '))).sorted().collect(Collectors.toList());
		assertEquals(List.of("c/0/0/0", "c/0/0/1", "c/0/1/0", "c/0/1/1"), indexes, "opening shows the plane z=0, "
				+ "which crosses the four shards of the first shard layer, c/0/0/1 of them not stored");
		assertEquals(storedInnerChunksPerLayer, store.ranges.size() - indexes.size(), "17 × 20 inner chunks of "
				+ "the layer z=0..3, but for the 16 × 4 in the missing shard, one range each");
		store.ranges.clear();
		imp.getStack().getProcessor(6);
		assertEquals(storedInnerChunksPerLayer, store.ranges.size(), "the plane z=5: the layer z=4..7's stored inner "
				+ "chunks and no index again");
		assertTrue(store.gets.stream().allMatch(k -> k.endsWith("zarr.json")), "no shard is read whole: "
				+ store.gets);
		assertTrue(store.ranges.stream().allMatch(r -> r.startsWith("c/0/")), store.ranges.toString());
	}
}
