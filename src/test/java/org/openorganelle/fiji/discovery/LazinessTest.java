package org.openorganelle.fiji.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.testing.CountingStore;
import org.openorganelle.fiji.testing.PublicBucket;

/**
 * Browsing reads metadata only: scanning a container, opening an image and listing its
 * levels never fetch a chunk, and cost one listing per group of the tree.
 */
class LazinessTest {

	private static final StoreFactory FACTORY = new StoreFactory();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@Test
	void scanningAContainerListsEachGroupOnceAndReadsNoChunk() {
		final CountingStore store = new CountingStore(PublicBucket.open(FACTORY, "jrc_hela-2/jrc_hela-2.zarr"));
		final ScanResult scan = Container.open(store).images("");
		assertEquals(3, scan.images().size());
		assertEquals(List.of(), store.chunkGets());
		// root, recon-1, em, labels, groundtruth, crop1, fibsem-uint8, all, mito: one listing each
		assertEquals(9, store.lists.size(), store.lists.toString());
		assertEquals(store.lists.size(), store.lists.stream().distinct().count());
		// the .zmetadata and zarr.json (v3) probes + the three multiscale groups' .zattrs
		assertEquals(5, store.gets.size(), store.gets.toString());
	}

	@Test
	void openingAnImageAndItsLevelsReadsOnlyAttributesAndArrayMetadata() {
		final CountingStore store = new CountingStore(PublicBucket.open(FACTORY, "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr"));
		final MultiscaleGroup group = Container.open(store).image("recon-2/em/fibsem-int16");
		final List<ScaleLevel> levels = group.levels();
		assertEquals(4, levels.size());
		assertEquals(List.of(), store.chunkGets());
		assertEquals(List.of(".zmetadata", "zarr.json", "recon-2/em/fibsem-int16/.zattrs", "recon-2/em/fibsem-int16/s0/.zarray",
				"recon-2/em/fibsem-int16/s1/.zarray", "recon-2/em/fibsem-int16/s2/.zarray",
				"recon-2/em/fibsem-int16/s3/.zarray"), store.gets);
	}

	@Test
	void scanningAnN5ContainerReadsEachNodesAttributesOnceAndNoBlock() {
		final CountingStore store = new CountingStore(PublicBucket.open(FACTORY, "jrc_hela-2/jrc_hela-2.n5"));
		final ScanResult scan = Container.open(store).images("");
		assertEquals(List.of("em/fibsem-uint16", "labels/mito_pred", "labels/mito_seg"), scan.images().stream()
				.map(ImageEntry::path).collect(Collectors.toList()));
		// root, em, labels and the three multiscale groups: one listing and one attributes.json each
		assertEquals(List.of("", "em", "em/fibsem-uint16", "labels", "labels/mito_pred", "labels/mito_seg"), store.lists
				.stream().sorted().collect(Collectors.toList()));
		assertEquals(6, store.gets.size(), store.gets.toString());
		assertTrue(store.gets.stream().allMatch(k -> k.equals("attributes.json") || k.endsWith("/attributes.json")),
				store.gets.toString());
		assertEquals(List.of(), store.ranges);
	}

	@Test
	void openingAnN5ImageAndItsLevelsReadsOnlyTheirAttributes() {
		final CountingStore store = new CountingStore(PublicBucket.open(FACTORY, "jrc_hela-2/jrc_hela-2.n5"));
		final List<ScaleLevel> levels = Container.open(store).image("em/fibsem-uint16").levels();
		assertEquals(4, levels.size());
		assertEquals(List.of("em/fibsem-uint16/attributes.json", "em/fibsem-uint16/s0/attributes.json",
				"em/fibsem-uint16/s1/attributes.json", "em/fibsem-uint16/s2/attributes.json",
				"em/fibsem-uint16/s3/attributes.json"), store.gets);
	}

	@Test
	void aConsolidatedContainerIsScannedWithOneRequest() {
		final CountingStore store = new CountingStore(PublicBucket.open(FACTORY, "jrc_jurkat-1/jrc_jurkat-1.zarr"));
		final Container container = Container.open(store);
		final ScanResult scan = container.images("");
		assertEquals(List.of("recon-1/em/fibsem-uint8"), container.imagePaths());
		assertTrue(container.image("recon-1/em/fibsem-uint8").levels().size() >= 2);
		assertEquals(List.of(".zmetadata"), store.gets);
		assertEquals(List.of(), store.lists);
		assertEquals(1, scan.images().size());
	}
}
