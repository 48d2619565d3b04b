package org.openorganelle.fiji.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.catalog.DatasetCatalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MetadataRecordTest {

	static final String SHA256 = "3f2b0c4d5e6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e";

	private static final String NACC2 = "jrc_mus-nacc-2";
	private static final String NACC2_CONTAINER = "s3://janelia-cosem-datasets/jrc_mus-nacc-2/jrc_mus-nacc-2.zarr";
	private static final String NACC2_EM = "recon-2/em/fibsem-int16";

	@TempDir
	Path dir;

	/**
	 * The whole of level s8 of the jrc_mus-nacc-2 EM, as an export of it records it: the
	 * real {@code .zattrs} (§2.3 of the COSEM reference) and the bundled catalog facts.
	 */
	static ExportedVolume nacc2Level8(final Path dir) throws IOException {
		final ExportedVolume v = new ExportedVolume();
		v.dataset = NACC2;
		v.containerUri = NACC2_CONTAINER;
		v.arrayPath = NACC2_EM;
		v.level = "s8";
		v.modality = "EM";
		v.dataType = DataType.parse("<i2");
		v.levelShape = new long[] { 2, 9, 10 };
		v.region = Region.whole(v.levelShape);
		v.chunkShape = new int[] { 64, 64, 64 };
		v.sourceFormat = "Zarr v2";
		v.sourceByteOrder = ByteOrder.LITTLE_ENDIAN;
		v.compressorId = "zstd";
		v.compressorDescription = "zstd(level=1)";
		v.voxelSizeNm = new double[] { 757.7599999999999, 1024.0, 1024.0 };
		v.translationNm = new double[] { 377.4, 510.0, 510.0 };
		v.voxelSizeSource = ExportedVolume.VoxelSizeSource.METADATA;
		v.groupAttributes = nacc2Attributes();
		v.facts = DatasetCatalog.bundled().find(NACC2).get();
		v.npyFile = dir.resolve("jrc_mus-nacc-2_fibsem-int16_s8.npy");
		v.npyBytes = 128 + 360;
		v.sha256 = SHA256;
		v.mean = 4321.25;
		v.chunksRead = 1;
		v.chunksMissing = 0;
		v.processingSeconds = 0.375;
		v.startedAt = Instant.parse("2026-03-01T10:15:30.120Z");
		v.finishedAt = Instant.parse("2026-03-01T10:15:30.495Z");
		return v;
	}

	static Path metadataFile(final Path dir) {
		return dir.resolve("jrc_mus-nacc-2_fibsem-int16_s8.json");
	}

	private static ObjectNode nacc2Attributes() throws IOException {
		try (InputStream in = MetadataRecordTest.class
				.getResourceAsStream("/org/openorganelle/fiji/multiscale/nacc-2-fibsem-int16.zattrs.json")) {
			return (ObjectNode) Json.mapper().readTree(in);
		}
	}

	/** Level s1 of the jrc_mus-nacc-2 EM, cropped to [1:5, 2:7, 3:9]. */
	private ExportedVolume nacc2Level1Cropped() throws IOException {
		final ExportedVolume v = nacc2Level8(dir);
		v.level = "s1";
		v.levelShape = new long[] { 282, 1260, 1298 };
		v.region = new Region(new long[] { 1, 2, 3 }, new long[] { 4, 5, 6 });
		v.voxelSizeNm = new double[] { 5.92, 8.0, 8.0 };
		v.translationNm = new double[] { 1.48, 2.0, 2.0 };
		return v;
	}

	private ObjectNode buildValid(final ExportedVolume volume) {
		final ObjectNode record = MetadataRecord.build(volume, metadataFile(dir));
		MetadataSchema.validate(record);
		return record;
	}

	@Test
	void recordsTheWholeLevel8OfNacc2WithExactValues() throws IOException {
		final ObjectNode r = buildValid(nacc2Level8(dir));

		assertEquals("2.0", r.get("schema_version").textValue());
		assertTrue(r.get("id").textValue().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
		assertEquals("openorganelle", r.get("source").textValue());
		assertEquals(NACC2, r.get("source_id").textValue());
		assertEquals("complete", r.get("status").textValue());
		assertEquals("2026-03-01T10:15:30.120Z", r.get("created_at").textValue());
		assertEquals("2026-03-01T10:15:30.495Z", r.get("updated_at").textValue());

		final JsonNode core = r.get("metadata").get("core");
		assertEquals("int16 EM volume recon-2/em/fibsem-int16 level s8 of jrc_mus-nacc-2 (OpenOrganelle)",
				core.get("description").textValue());
		assertJson("[2, 9, 10]", core.get("volume_shape"));
		assertEquals("int16", core.get("data_type").textValue());
		assertEquals("EM", core.get("modality").textValue());

		final JsonNode technical = r.get("metadata").get("technical");
		assertEquals(488, technical.get("file_size_bytes").longValue());
		assertEquals(SHA256, technical.get("sha256").textValue());
		assertEquals("zstd", technical.get("compression").textValue());
		assertEquals("zstd(level=1)", technical.get("compression_details").textValue());
		assertJson("[64, 64, 64]", technical.get("chunk_size"));
		assertTrue(technical.get("shard_size").isNull(), "an unsharded array");
		assertEquals(4321.25, technical.get("global_mean").doubleValue());
		assertEquals(0.375, technical.get("processing_time_seconds").doubleValue());
		assertEquals("streamed", technical.get("chunk_strategy").textValue());
		assertEquals(1, technical.get("chunks_read").longValue());
		assertEquals(0, technical.get("chunks_missing").longValue());
		// 2 × 757.7599999999999, 9 × 1024, 10 × 1024
		assertJson("[1515.5199999999998, 9216.0, 10240.0]", technical.get("dimensions_nm"));
		assertEquals("zyx", technical.get("axis_order").textValue());
		assertEquals("little", technical.get("byte_order").textValue());
		assertEquals("1.0", technical.get("npy_format_version").textValue());

		final JsonNode provenance = r.get("metadata").get("provenance");
		assertEquals(NACC2_CONTAINER, provenance.get("download_url").textValue());
		assertEquals("recon-2/em/fibsem-int16/s8", provenance.get("internal_zarr_path").textValue());
		assertEquals("s8", provenance.get("level").textValue());
		assertJson("[2, 9, 10]", provenance.get("level_shape"));
		assertTrue(provenance.get("region").isNull());
		assertEquals("metadata", provenance.get("voxel_size_source").textValue());
		assertJson("{\"name\": \"OpenOrganelle_Fiji\", \"version\": \"development\"}",
				provenance.get("software"));

		assertEquals(metadataFile(dir).toAbsolutePath().toString(), r.get("files").get("metadata").textValue());
		assertEquals(dir.resolve("jrc_mus-nacc-2_fibsem-int16_s8.npy").toAbsolutePath().toString(),
				r.get("files").get("volume").textValue());

		assertJson("{\"x\": 1024.0, \"y\": 1024.0, \"z\": 757.7599999999999}", r.get("voxel_size_nm"));
		assertJson("{\"x\": 510.0, \"y\": 510.0, \"z\": 377.4}", r.get("translation_nm"));
		assertEquals("2015-03-09", r.get("imaging_start_date").textValue());

		final JsonNode cosem = r.get("additional_metadata").get("cosem_metadata");
		assertEquals(List.of("organism", "sample", "array_path", "level", "dataset_id", "source",
				"third_party_fields"), keys(cosem));
		assertEquals("Mouse (Mus musculus)", cosem.get("organism").textValue());
		assertEquals("Nucleus accumbens", cosem.get("sample").textValue());
		assertEquals(NACC2_EM, cosem.get("array_path").textValue());
		assertEquals("s8", cosem.get("level").textValue());
		assertEquals(NACC2, cosem.get("dataset_id").textValue());
		assertTrue(cosem.get("source").textValue().startsWith("third-party dump"));
		assertJson("[\"organism\", \"sample\", \"imaging_start_date\"]", cosem.get("third_party_fields"));
		assertEquals(nacc2Attributes(), r.get("additional_metadata").get("multiscale_attributes"));
	}

	@Test
	void writesKeysInTheDocumentedOrder() throws IOException {
		final ObjectNode r = buildValid(nacc2Level8(dir));
		assertEquals(List.of("schema_version", "id", "source", "source_id", "status", "created_at", "updated_at",
				"metadata", "files", "voxel_size_nm", "translation_nm", "imaging_start_date", "additional_metadata"),
				keys(r));
		assertEquals(List.of("core", "technical", "provenance"), keys(r.get("metadata")));
		assertEquals(List.of("description", "volume_shape", "data_type", "modality"),
				keys(r.get("metadata").get("core")));
		assertEquals(List.of("file_size_bytes", "sha256", "compression", "compression_details", "chunk_size",
				"shard_size", "global_mean", "processing_time_seconds", "chunk_strategy", "chunks_read", "chunks_missing",
				"dimensions_nm", "axis_order", "byte_order", "npy_format_version"),
				keys(r.get("metadata").get("technical")));
		assertEquals(List.of("download_url", "internal_zarr_path", "level", "level_shape", "region",
				"voxel_size_source", "source_format", "source_byte_order", "software"),
				keys(r.get("metadata").get("provenance")));
		assertEquals(List.of("metadata", "volume"), keys(r.get("files")));
		assertEquals(List.of("x", "y", "z"), keys(r.get("voxel_size_nm")));
		assertEquals(List.of("cosem_metadata", "multiscale_attributes"), keys(r.get("additional_metadata")));
	}

	@Test
	void givesEveryRecordItsOwnId() throws IOException {
		final ExportedVolume volume = nacc2Level8(dir);
		assertNotEquals(MetadataRecord.build(volume, metadataFile(dir)).get("id"),
				MetadataRecord.build(volume, metadataFile(dir)).get("id"));
	}

	@Test
	void computesTheExtentOfLevel0InDecimal() throws IOException {
		final ExportedVolume v = nacc2Level8(dir);
		v.level = "s0";
		v.levelShape = new long[] { 564, 2520, 2596 };
		v.region = Region.whole(v.levelShape);
		v.voxelSizeNm = new double[] { 2.96, 4.0, 4.0 };
		v.translationNm = new double[] { 0, 0, 0 };
		final ObjectNode r = buildValid(v);
		assertJson("[1669.44, 10080.0, 10384.0]", r.get("metadata").get("technical").get("dimensions_nm"));
		assertJson("{\"x\": 4.0, \"y\": 4.0, \"z\": 2.96}", r.get("voxel_size_nm"));
	}

	@Test
	void recordsTheRegionOfACroppedExportWithItsPhysicalEdges() throws IOException {
		final ObjectNode r = buildValid(nacc2Level1Cropped());

		final JsonNode core = r.get("metadata").get("core");
		assertEquals("int16 EM volume recon-2/em/fibsem-int16 level s1 [1:5, 2:7, 3:9] of jrc_mus-nacc-2 (OpenOrganelle)",
				core.get("description").textValue());
		assertJson("[4, 5, 6]", core.get("volume_shape"));
		assertJson("[282, 1260, 1298]", r.get("metadata").get("provenance").get("level_shape"));
		assertJson("[23.68, 40.0, 48.0]", r.get("metadata").get("technical").get("dimensions_nm"));

		// edges: translation + (index - 0.5) × voxel, with voxel (5.92, 8, 8) and translation (1.48, 2, 2)
		assertJson("{\"voxel_start\": [1, 2, 3], \"voxel_stop\": [5, 7, 9], "
				+ "\"nm_start\": [4.44, 14.0, 22.0], \"nm_stop\": [28.12, 54.0, 70.0]}",
				r.get("metadata").get("provenance").get("region"));
		assertJson("{\"x\": 8.0, \"y\": 8.0, \"z\": 5.92}", r.get("voxel_size_nm"));
	}

	@Test
	void writesNullForEverythingPhysicalWhenTheVoxelSizeIsUnknown() throws IOException {
		final ExportedVolume v = nacc2Level1Cropped();
		v.voxelSizeNm = null;
		v.translationNm = null;
		v.voxelSizeSource = ExportedVolume.VoxelSizeSource.UNKNOWN;
		final ObjectNode r = buildValid(v);

		assertTrue(r.get("voxel_size_nm").isNull());
		assertTrue(r.get("translation_nm").isNull());
		assertTrue(r.get("metadata").get("technical").get("dimensions_nm").isNull());
		final JsonNode provenance = r.get("metadata").get("provenance");
		assertEquals("unknown", provenance.get("voxel_size_source").textValue());
		assertJson("{\"voxel_start\": [1, 2, 3], \"voxel_stop\": [5, 7, 9], \"nm_start\": null, "
				+ "\"nm_stop\": null}", provenance.get("region"));
	}

	@Test
	void keepsAnOverriddenVoxelSizeButNoEdgesWithoutATranslation() throws IOException {
		final ExportedVolume v = nacc2Level1Cropped();
		v.voxelSizeNm = new double[] { 10, 10, 10 };
		v.translationNm = null;
		v.voxelSizeSource = ExportedVolume.VoxelSizeSource.OVERRIDE;
		final ObjectNode r = buildValid(v);

		assertEquals("override", r.get("metadata").get("provenance").get("voxel_size_source").textValue());
		assertJson("{\"x\": 10.0, \"y\": 10.0, \"z\": 10.0}", r.get("voxel_size_nm"));
		assertJson("[40.0, 50.0, 60.0]", r.get("metadata").get("technical").get("dimensions_nm"));
		assertTrue(r.get("metadata").get("provenance").get("region").get("nm_start").isNull());
	}

	@Test
	void recordsOnlyTheLocationForADatasetNotInTheCatalog() throws IOException {
		final ExportedVolume v = nacc2Level8(dir);
		v.dataset = "jrc_mus-liver-9";
		v.containerUri = "s3://janelia-cosem-datasets/jrc_mus-liver-9/jrc_mus-liver-9.zarr";
		v.arrayPath = "recon-1/em/fibsem-uint8";
		v.dataType = DataType.parse("|u1");
		v.facts = null;
		final ObjectNode r = buildValid(v);

		assertEquals("jrc_mus-liver-9", r.get("source_id").textValue());
		assertEquals("uint8 EM volume recon-1/em/fibsem-uint8 level s8 of jrc_mus-liver-9 (OpenOrganelle)",
				r.get("metadata").get("core").get("description").textValue());
		assertEquals("not applicable", r.get("metadata").get("technical").get("byte_order").textValue());
		assertTrue(r.get("imaging_start_date").isNull());
		assertJson("{\"array_path\": \"recon-1/em/fibsem-uint8\", \"level\": \"s8\"}",
				r.get("additional_metadata").get("cosem_metadata"));
	}

	@Test
	void namesTheContainerWhenExportedFromABareAddress() throws IOException {
		final ExportedVolume v = nacc2Level8(dir);
		v.dataset = null;
		v.facts = null;
		v.containerUri = "https://janelia-cosem-datasets.s3.amazonaws.com/jrc_mus-nacc-2/jrc_mus-nacc-2.zarr";
		final ObjectNode r = buildValid(v);

		assertTrue(r.get("source_id").isNull());
		assertEquals("int16 EM volume recon-2/em/fibsem-int16 level s8 of " + v.containerUri + " (OpenOrganelle)",
				r.get("metadata").get("core").get("description").textValue());
		assertEquals(v.containerUri, r.get("metadata").get("provenance").get("download_url").textValue());
	}

	@Test
	void copiesTheKnownCatalogFactsOfHela2() throws IOException {
		final ExportedVolume v = nacc2Level8(dir);
		v.dataset = "jrc_hela-2";
		v.containerUri = "s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.zarr";
		v.arrayPath = "recon-1/labels/masks/evaluation";
		v.modality = "labels";
		v.dataType = DataType.parse(">u8");
		v.facts = DatasetCatalog.bundled().find("jrc_hela-2").get();
		final ObjectNode r = buildValid(v);

		assertEquals("uint64 labels volume recon-1/labels/masks/evaluation level s8 of jrc_hela-2, "
				+ "Interphase HeLa cell (OpenOrganelle)", r.get("metadata").get("core").get("description").textValue());
		assertEquals("big", r.get("metadata").get("technical").get("byte_order").textValue());
		assertEquals("2017-06-21", r.get("imaging_start_date").textValue());
		final JsonNode cosem = r.get("additional_metadata").get("cosem_metadata");
		assertEquals(List.of("organism", "sample", "protocol", "institution", "title", "dois", "publications",
				"array_path", "level", "dataset_id", "source", "third_party_fields"), keys(cosem));
		assertEquals("HHMI/Janelia", cosem.get("institution").textValue());
		assertJson("{\"role\": \"EM\", \"doi\": \"10.25378/janelia.13114211\"}", cosem.get("dois").get(0));
		assertEquals("10.1038/s41586-021-03992-4", cosem.get("publications").get(0).get("doi").textValue());
		assertJson("[]", cosem.get("third_party_fields"));
	}

	@Test
	void namesBoolAndFloat16AsNumpyDoes() throws IOException {
		final ExportedVolume v = nacc2Level8(dir);
		v.dataType = DataType.parse("|b1");
		v.mean = 0.25;
		ObjectNode r = buildValid(v);
		assertEquals("bool", r.get("metadata").get("core").get("data_type").textValue());
		assertTrue(r.get("metadata").get("core").get("description").textValue().startsWith("bool EM volume "));
		assertEquals("not applicable", r.get("metadata").get("technical").get("byte_order").textValue());
		v.dataType = DataType.parse(">f2");
		r = buildValid(v);
		assertEquals("float16", r.get("metadata").get("core").get("data_type").textValue());
		assertEquals("big", r.get("metadata").get("technical").get("byte_order").textValue());
	}

	@Test
	void writesNullForTheMeanOfNaNData() throws IOException {
		final ExportedVolume v = nacc2Level8(dir);
		v.dataType = DataType.parse("<f4");
		v.mean = null;
		assertTrue(buildValid(v).get("metadata").get("technical").get("global_mean").isNull());
		v.mean = Double.NaN;
		assertTrue(buildValid(v).get("metadata").get("technical").get("global_mean").isNull());
	}

	@Test
	void neverWritesNonFiniteNumbers() throws IOException {
		final ExportedVolume v = nacc2Level8(dir);
		v.processingSeconds = Double.POSITIVE_INFINITY;
		v.voxelSizeNm = new double[] { Double.NaN, 4, 4 };
		final ObjectNode r = MetadataRecord.build(v, metadataFile(dir));
		final String text = Json.mapper().writeValueAsString(r);
		assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> MetadataSchema.validate(r));
		assertTrue(e.getMessage().contains("$.metadata.technical.processing_time_seconds"), e.getMessage());
		assertTrue(e.getMessage().contains("$.voxel_size_nm.z"), e.getMessage());
	}

	@Test
	void refusesAnExportThatRecordedTooLittle() throws IOException {
		final ExportedVolume v = nacc2Level8(dir);
		v.sha256 = null;
		v.finishedAt = null;
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class,
				() -> MetadataRecord.build(v, metadataFile(dir)));
		assertEquals("invalid metadata record (a bug): the export did not record sha256, finishedAt", e.getMessage());
	}

	/** Asserts equal JSON text, so key order counts and 2 (int) equals 2 (long). */
	private static void assertJson(final String expected, final JsonNode actual) throws IOException {
		final ObjectMapper mapper = Json.mapper();
		assertEquals(mapper.writeValueAsString(mapper.readTree(expected)), mapper.writeValueAsString(actual));
	}

	private static List<String> keys(final JsonNode node) {
		final List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}
}
