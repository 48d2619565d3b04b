package org.openorganelle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

	private static final List<String> DATASETS = List.of("jrc_cos7-11", "jrc_cos7-1a", "jrc_cos7-1b", "jrc_hela-2",
			"jrc_hela-3", "jrc_jurkat-1", "jrc_macrophage-2", "jrc_mus-nacc-2", "jrc_mus-liver");

	@Test
	void suggestsTheCos7DatasetsForTheMissingJrcCos7Dash1() {
		assertEquals(List.of("jrc_cos7-11", "jrc_cos7-1a", "jrc_cos7-1b"),
				Suggestions.closest("jrc_cos7-1", DATASETS));
	}

	@Test
	void suggestsNamesWithinASmallEditDistance() {
		assertEquals("jrc_hela-2", Suggestions.closest("jrc_hela2", DATASETS).get(0));
		assertEquals(List.of("jrc_mus-nacc-2"), Suggestions.closest("jrc_mus-nac-2", DATASETS));
	}

	@Test
	void suggestsNothingForUnrelatedNames() {
		assertTrue(Suggestions.closest("zebrafish", DATASETS).isEmpty());
	}

	@Test
	void notFoundMessagesNameTheQueryThePlaceAndTheSuggestions() {
		final NotFoundException e = new NotFoundException("dataset", "jrc_cos7-1", "s3://bucket/", DATASETS);
		assertEquals("unknown dataset 'jrc_cos7-1' in s3://bucket/; did you mean: jrc_cos7-11, jrc_cos7-1a, jrc_cos7-1b",
				e.getMessage());
	}
}
