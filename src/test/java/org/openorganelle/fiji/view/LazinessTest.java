package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.testing.CountingStore;

import ij.ImagePlus;

/**
 * The hyperstack reads only the chunks of the planes shown. nacc-2 s0 is 41 x 75 x 83
 * voxels in chunks of 16 x 32 x 32: 3 x 3 x 3 chunks; plane z touches the 9 chunks of
 * chunk row z / 16.
 */
class LazinessTest {

	private static final String S0 = "recon-2/em/fibsem-int16/s0/";

	private CountingStore counting;

	private ScaleLevel s0() {
		return Expected.naccLevel(store -> counting = new CountingStore(store), "s0");
	}

	/** The keys of the 9 chunks in chunk row {@code zChunk}. */
	private static List<String> row(final int zChunk) {
		final List<String> keys = new ArrayList<>();
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < 3; x++)
				keys.add(S0 + zChunk + "/" + y + "/" + x);
		return keys;
	}

	private List<String> newChunkGets(final int before) {
		final List<String> gets = counting.chunkGets();
		final List<String> added = new ArrayList<>(gets.subList(before, gets.size()));
		added.sort(null);
		return added;
	}

	@Test
	void openingReadsNoChunkUntilAPlaneIsShown() {
		final ScaleLevel level = s0();
		assertEquals(List.of(), counting.chunkGets());
		final LevelStack stack = new LevelStack(LevelImage.open(level));
		assertEquals(List.of(), counting.chunkGets(), "building the stack reads no chunk");

		stack.getProcessor(20); // z = 19, chunk row 1
		assertEquals(row(1), newChunkGets(0), "plane 20 reads exactly the chunks of row 1");

		stack.getProcessor(20);
		assertEquals(List.of(), newChunkGets(9), "reading the plane again is served by the cache");

		stack.getProcessor(17); // z = 16
		stack.getProcessor(32); // z = 31
		assertEquals(List.of(), newChunkGets(9), "other planes of the same chunk row fetch nothing");

		stack.getProcessor(33); // z = 32, chunk row 2
		assertEquals(row(2), newChunkGets(9), "the next chunk row is fetched when needed");
		assertEquals(18, counting.chunkGets().size());
	}

	@Test
	void theImagePlusReadsTheDisplayedPlaneOnly() {
		final ImagePlus imp = LevelHyperstack.open(s0(), "s0");
		assertEquals(row(0), newChunkGets(0), "opening reads the chunks of plane 1 (z = 0)");

		imp.setPosition(1, 16, 1); // z = 15, still chunk row 0
		imp.getProcessor();
		assertEquals(List.of(), newChunkGets(9));

		imp.setPosition(1, 41, 1); // z = 40, chunk row 2
		assertEquals(row(2), newChunkGets(9), "moving through z loads only the new plane's chunks");
		assertEquals(2 * 9, counting.chunkGets().size());
	}
}
