package org.openorganelle.fiji.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.zarr.ZarrArrayMetadata;

/** The display range's sample stays bounded: a small level whole, a large one by its central chunk. */
class RangeSampleTest {

	@Test
	void theCoarsestLevelOfTheChosenTypeIsSampledWhole() {
		final List<ScaleLevel> levels = Container.open(new FileStore(Fixtures.bucket().resolve(Expected.NACC)))
				.image(Expected.FIBSEM).levels();
		final ScaleLevel coarsest = RangeSample.coarsest(levels, levels.get(0));
		assertEquals(Expected.FIBSEM + "/s3", coarsest.path());
		final Region region = RangeSample.region(coarsest.array());
		assertArrayEquals(new long[3], region.start());
		assertArrayEquals(new long[] { 5, 9, 10 }, region.size());
	}

	/** The real jrc_mus-nacc-2 s0 geometry (564 x 2520 x 2596 in 64^3 chunks): one chunk, not a plane of 1600. */
	@Test
	void aLargeLevelContributesOnlyTheChunkAtItsCentre() {
		final String zarray = "{\"zarr_format\": 2, \"shape\": [564, 2520, 2596], \"chunks\": [64, 64, 64],"
				+ " \"dtype\": \"<i2\", \"compressor\": null, \"fill_value\": 0, \"order\": \"C\", \"filters\": null}";
		final ChunkedArray array = ZarrArrayMetadata.parse(zarray.getBytes(StandardCharsets.UTF_8), "s0")
				.array(new FileStore(Fixtures.bucket()), "s0");
		final Region region = RangeSample.region(array);
		assertArrayEquals(new long[] { 256, 1216, 1280 }, region.start(), "the chunk holding voxel (282, 1260, 1298)");
		assertArrayEquals(new long[] { 64, 64, 64 }, region.size());
	}
}
