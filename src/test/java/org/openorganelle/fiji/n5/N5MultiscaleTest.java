package org.openorganelle.fiji.n5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.ImageEntry;
import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * N5 containers through the same container, multiscale and level API as Zarr: the
 * metadata dialects (COSEM transforms in C and F order, n5-viewer scales, per-array
 * pixelResolution, none) give voxel sizes and translations in nm, z,y,x, as the fixture
 * script computed them; the bucket miniature's N5 containers list and read like the real ones.
 */
class N5MultiscaleTest {

	private static final double TOLERANCE = 1e-9;

	@Test
	void everyMetadataDialectGivesTheVoxelSizeAndTranslationOfEachLevel() throws IOException {
		final Container container = Container.open(new FileStore(Fixtures.n5Matrix().resolve("metadata.n5")));
		assertEquals("N5", container.format().name());
		int levels = 0;
		for (final JsonNode group : Fixtures.index("n5matrix/metadata-index.json")) {
			final MultiscaleGroup image = container.image(group.get("group").asText());
			for (final JsonNode expected : group.get("levels")) {
				final String where = group.get("group").asText() + "/" + expected.get("path").asText();
				final ScaleLevel level = image.level(expected.get("path").asText());
				assertArrayEquals(longs(expected.get("shape_zyx")), level.shape(), where);
				if (group.get("unit").isNull()) {
					assertFalse(level.transform().isPresent(), where + " has no geometry");
				} else {
					final LevelTransform t = level.transform().orElseThrow();
					assertArrayEquals(doubles(expected.get("voxel_size_zyx")), t.scaleNm(), TOLERANCE, where);
					assertArrayEquals(doubles(expected.get("translation_zyx")), t.translationNm(), TOLERANCE, where);
				}
				final NpyFile npy = NpyFile.read(Fixtures.n5Matrix().resolve(expected.get("npy").asText()));
				assertEquals(npy.descr, level.dataType().descr(), where);
				assertArrayEquals(npy.data, level.array().read(Region.whole(level.shape())), where);
				levels++;
			}
		}
		assertTrue(levels >= 12, "levels checked: " + levels);
	}

	@Test
	void theBucketsN5ContainersListTheirImagesAndReadEveryLevelExactly() throws IOException {
		int levels = 0;
		for (final JsonNode group : Fixtures.index("bucket-expected/n5-index.json")) {
			final String dataset = group.get("dataset").asText();
			final String containerName = group.get("container").asText();
			final Path root = Fixtures.bucket().resolve(dataset).resolve(containerName);
			final Container container = Container.open(new FileStore(root));
			final List<String> paths = new ArrayList<>();
			for (final ImageEntry e : container.images("").images())
				paths.add(e.path());
			assertTrue(paths.contains(group.get("group").asText()), paths.toString());
			final MultiscaleGroup image = container.image(group.get("group").asText());
			int i = 0;
			for (final JsonNode expected : group.get("levels")) {
				final String where = dataset + "/" + containerName + "/" + group.get("group").asText() + "/"
						+ expected.get("path").asText();
				final ScaleLevel level = image.level(expected.get("path").asText());
				assertArrayEquals(longs(expected.get("shape")), level.shape(), where);
				assertArrayEquals(ints(expected.get("block_size")), level.metadata().chunks(), where);
				final LevelTransform t = level.transform().orElseThrow();
				assertArrayEquals(doubles(group.get("scales").get(i)), t.scaleNm(), TOLERANCE, where);
				assertArrayEquals(doubles(group.get("translations").get(i)), t.translationNm(), TOLERANCE, where);
				final NpyFile npy = NpyFile.read(Fixtures.bucketExpected().resolve(dataset).resolve(containerName)
						.resolve(group.get("group").asText()).resolve(expected.get("path").asText() + ".npy"));
				assertEquals(npy.descr, level.dataType().descr(), where);
				assertArrayEquals(npy.data, level.array().read(Region.whole(level.shape())), where);
				i++;
				levels++;
			}
		}
		assertTrue(levels >= 9, "levels checked: " + levels);
	}

	private static long[] longs(final JsonNode list) {
		final long[] v = new long[list.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = list.get(i).asLong();
		return v;
	}

	private static int[] ints(final JsonNode list) {
		final int[] v = new int[list.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = list.get(i).asInt();
		return v;
	}

	private static double[] doubles(final JsonNode list) {
		final double[] v = new double[list.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = list.get(i).asDouble();
		return v;
	}
}
