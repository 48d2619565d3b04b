package org.openorganelle.fiji.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.codec.Compressors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MetadataSchemaTest {

	@TempDir
	Path dir;

	private ObjectNode validRecord() throws IOException {
		return MetadataRecord.build(MetadataRecordTest.nacc2Level8(dir), MetadataRecordTest.metadataFile(dir));
	}

	private static byte[] packagedSchema() throws IOException {
		try (InputStream in = MetadataSchema.class.getResourceAsStream(MetadataSchema.resource())) {
			assertNotNull(in, MetadataSchema.resource() + " is not on the class path");
			return in.readAllBytes();
		}
	}

	@Test
	void packagesTheSchemaFileOfTheSourceTreeAndDeclaresDraft2020_12() throws IOException {
		final byte[] packaged = packagedSchema();
		assertArrayEquals(Files.readAllBytes(Paths.get("schemas", "metadata_schema.json")), packaged);
		final JsonNode schema = Json.mapper().readTree(packaged);
		assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").textValue());
		assertEquals("2.0", schema.get("properties").get("schema_version").get("const").textValue());
	}

	@Test
	void acceptsARecordBuiltFromARealExport() throws IOException {
		MetadataSchema.validate(validRecord());
	}

	@Test
	void acceptsTheCompressorsAndDataTypesTheReaderSupports() throws IOException {
		final JsonNode properties = Json.mapper().readTree(packagedSchema()).get("properties").get("metadata")
				.get("properties");
		final Set<String> compressors = new TreeSet<>();
		properties.get("technical").get("properties").get("compression").get("enum")
				.forEach(id -> compressors.add(id.textValue()));
		final Set<String> supported = new TreeSet<>();
		Compressors.SUPPORTED.forEach(id -> supported.add(id.startsWith("null") ? Compressors.none().id() : id));
		assertEquals(supported, compressors);

		final Set<String> dataTypes = new TreeSet<>();
		properties.get("core").get("properties").get("data_type").get("enum")
				.forEach(name -> dataTypes.add(name.textValue()));
		final Set<String> numpyNames = new TreeSet<>();
		DataType.SUPPORTED.forEach(descr -> numpyNames.add(DataType.parse(descr).numpyName()));
		assertEquals(numpyNames, dataTypes);
	}

	static Stream<Arguments> invalidRecords() {
		return Stream.of(
				invalid("upper-case sha256", "$.metadata.technical.sha256",
						r -> technical(r).put("sha256", MetadataRecordTest.SHA256.toUpperCase())),
				invalid("short sha256", "$.metadata.technical.sha256",
						r -> technical(r).put("sha256", MetadataRecordTest.SHA256.substring(1))),
				invalid("missing volume shape", "$.metadata.core: required property 'volume_shape'",
						r -> ((ObjectNode) r.get("metadata").get("core")).remove("volume_shape")),
				invalid("missing top-level field", "$: required property 'files'", r -> r.remove("files")),
				invalid("extra technical field", "$.metadata.technical: property 'dataset_version'",
						r -> technical(r).put("dataset_version", "1.0")),
				invalid("extra top-level field", "$: property 'password'", r -> r.put("password", "x")),
				invalid("bad dtype name", "$.metadata.core.data_type",
						r -> ((ObjectNode) r.get("metadata").get("core")).put("data_type", "<i2")),
				invalid("negative file size", "$.metadata.technical.file_size_bytes",
						r -> technical(r).put("file_size_bytes", -1)),
				invalid("negative level shape", "$.metadata.provenance.level_shape[1]",
						r -> ((ObjectNode) r.get("metadata").get("provenance")).putArray("level_shape").add(2).add(-9)
								.add(10)),
				invalid("zero voxel size", "$.voxel_size_nm.x", r -> ((ObjectNode) r.get("voxel_size_nm")).put("x", 0)),
				invalid("bad UUID", "$.id", r -> r.put("id", "not-a-uuid")),
				invalid("upper-case UUID", "$.id", r -> r.put("id", r.get("id").textValue().toUpperCase())),
				invalid("timestamp with an offset", "$.created_at", r -> r.put("created_at", "2026-03-01T11:15:30+01:00")),
				invalid("timestamp without zone", "$.updated_at", r -> r.put("updated_at", "2026-03-01T10:15:30")),
				invalid("impossible timestamp (format assertion)", "$.updated_at",
						r -> r.put("updated_at", "2026-13-01T10:15:30Z")),
				invalid("impossible imaging date (format assertion)", "$.imaging_start_date",
						r -> r.put("imaging_start_date", "2015-02-30")),
				invalid("wrong schema version", "$.schema_version", r -> r.put("schema_version", "1.0")),
				invalid("credentials in the container URI", "$.metadata.provenance.download_url",
						r -> ((ObjectNode) r.get("metadata").get("provenance")).put("download_url",
								"https://AKIAEXAMPLE:secret@janelia-cosem-datasets.s3.amazonaws.com/jrc_mus-nacc-2.zarr")),
				invalid("relative volume path", "$.files.volume",
						r -> ((ObjectNode) r.get("files")).put("volume", "out/volume.npy")),
				invalid("unknown cosem fact", "$.additional_metadata.cosem_metadata: property 'dataset_version'",
						r -> ((ObjectNode) r.get("additional_metadata").get("cosem_metadata")).put("dataset_version",
								"1.0")));
	}

	private static Arguments invalid(final String name, final String expectedInMessage,
			final Consumer<ObjectNode> corruption) {
		return Arguments.of(name, expectedInMessage, corruption);
	}

	private static ObjectNode technical(final ObjectNode record) {
		return (ObjectNode) record.get("metadata").get("technical");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRecords")
	void rejectsAndNamesTheOffendingPath(final String name, final String expectedInMessage,
			final Consumer<ObjectNode> corruption) throws IOException {
		final ObjectNode record = validRecord();
		corruption.accept(record);
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class,
				() -> MetadataSchema.validate(record));
		assertTrue(e.getMessage().startsWith("invalid metadata record (a bug): "), e.getMessage());
		assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
	}

	@Test
	void listsEveryViolation() throws IOException {
		final ObjectNode record = validRecord();
		record.put("id", "42");
		technical(record).put("sha256", "abc");
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class,
				() -> MetadataSchema.validate(record));
		assertTrue(e.getMessage().contains("$.id"), e.getMessage());
		assertTrue(e.getMessage().contains("$.metadata.technical.sha256"), e.getMessage());
	}
}
