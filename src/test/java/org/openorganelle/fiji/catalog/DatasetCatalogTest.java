package org.openorganelle.fiji.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DatasetCatalogTest {

	private final DatasetCatalog catalog = DatasetCatalog.bundled();

	@Test
	void holdsTheDatasetsNamedInTheSpecification() {
		for (final String d : List.of("jrc_mus-nacc-2", "jrc_hela-2", "jrc_macrophage-2", "jrc_jurkat-1"))
			assertTrue(catalog.find(d).map(DatasetFacts::exists).orElse(false), d);
	}

	@Test
	void knowsTheFactsOfHela2FromFibsemMetadata() {
		final DatasetFacts hela = catalog.find("jrc_hela-2").get();
		assertEquals("Interphase HeLa cell", hela.title().get());
		assertEquals("2017-06-21", hela.imagingStartDate().get());
		assertArrayEquals(new double[] { 5.24, 4, 4 }, hela.voxelSizeNm().get());
		assertEquals("10.25378/janelia.13114211", hela.dois().get(0).getValue());
		assertTrue(hela.thirdPartyFields().isEmpty());
	}

	@Test
	void marksUnknownFactsUnknownAndThirdPartyFactsAsSuch() {
		final DatasetFacts nacc = catalog.find("jrc_mus-nacc-2").get();
		assertTrue(nacc.title().isEmpty());
		assertTrue(nacc.thirdPartyFields().contains("imaging_start_date"));
		assertFalse(nacc.knownFacts().has("title"));
		assertFalse(nacc.knownFacts().has("dois"));
	}

	@Test
	void explainsThatJrcCos7Dash1DoesNotExist() {
		final DatasetFacts cos7 = catalog.find("jrc_cos7-1").get();
		assertFalse(cos7.exists());
		assertEquals(List.of("jrc_cos7-1a", "jrc_cos7-1b", "jrc_cos7-11"), cos7.seeAlso());
		assertTrue(cos7.note().get().contains("jrc_cos7-1a"));
		assertFalse(catalog.existingDatasets().contains("jrc_cos7-1"));
	}
}
