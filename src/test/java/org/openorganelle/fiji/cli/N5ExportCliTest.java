package org.openorganelle.fiji.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.export.MetadataSchema;
import org.openorganelle.fiji.testing.CliRun;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.testing.SystemProperties;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The N5 containers of the bucket miniature through the command line, as the OpenOrganelle
 * website hands them out: byte-exact little-endian exports (against zarr-python's reads
 * through its N5 store) over plain HTTP and the signed SDK path, every address form, and
 * {@code info --dataset} listing both containers.
 */
class N5ExportCliTest {

	private static final String BUCKET = "s3://janelia-cosem-datasets/";
	private static final String HELA_N5 = "jrc_hela-2/jrc_hela-2.n5";

	private final SystemProperties properties = new SystemProperties();

	@AfterEach
	void restore() {
		properties.restore();
	}

	private static CliRun run(final String... args) {
		return CliRun.onPublicBucket(args);
	}

	private static Path only(final Path dir, final String glob) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			final List<Path> found = s.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob)
					.matches(p.getFileName())).collect(Collectors.toList());
			assertEquals(1, found.size(), glob + " in " + dir);
			return found.get(0);
		}
	}

	private static byte[] expected(final String group, final String level) throws IOException {
		return NpyFile.read(Fixtures.bucketExpected().resolve("jrc_hela-2/jrc_hela-2.n5").resolve(group)
				.resolve(level + ".npy")).data;
	}

	@ParameterizedTest(name = "signed: {0}")
	@ValueSource(booleans = { false, true })
	void theWebsitesN5AddressOfALevelExportsTheRawUint16LittleEndian(final boolean signed, @TempDir final Path out)
			throws Exception {
		final List<String> args = new ArrayList<>(List.of("export", "--s3-uri", BUCKET + HELA_N5
				+ "/em/fibsem-uint16/s1", "--output", out.toString()));
		if (signed) {
			properties.set("aws.accessKeyId", "AKIDN5TEST");
			properties.set("aws.secretAccessKey", "n5-test-secret");
			args.add("--credentials");
		}
		final CliRun r = run(args.toArray(new String[0]));
		assertEquals(0, r.code, r.err);
		final NpyFile npy = NpyFile.read(only(out, "fibsem-uint16_s1_*.npy"));
		assertEquals("<u2", npy.descr, "N5's big-endian uint16 is exported little-endian");
		assertArrayEquals(expected("em/fibsem-uint16", "s1"), npy.data);
		final JsonNode record = Json.mapper().readTree(only(out, "metadata_fibsem-uint16_s1_*.json").toFile());
		MetadataSchema.validate(record);
		assertEquals(BUCKET + HELA_N5, record.at("/metadata/provenance/download_url").asText());
		assertEquals("em/fibsem-uint16/s1", record.at("/metadata/provenance/internal_zarr_path").asText());
		assertEquals("N5", record.at("/metadata/provenance/source_format").asText());
		assertEquals("big", record.at("/metadata/provenance/source_byte_order").asText());
		assertEquals("little", record.at("/metadata/technical/byte_order").asText());
		assertEquals("gzip", record.at("/metadata/technical/compression").asText());
		assertEquals(10.48, record.at("/voxel_size_nm/z").asDouble(), 1e-9);
		assertEquals(8, record.at("/voxel_size_nm/x").asDouble(), 1e-9);
		assertEquals(2.62, record.at("/translation_nm/z").asDouble(), 1e-9);
		assertEquals(2, record.at("/translation_nm/y").asDouble(), 1e-9);
	}

	@Test
	void everyAddressFormReachesTheSameArray(@TempDir final Path out) throws Exception {
		final String[][] forms = {
				{ "--dataset", "jrc_hela-2", "--array", "em/fibsem-uint16", "--level", "s2" },
				{ "--s3-uri", BUCKET + HELA_N5, "--array", "em/fibsem-uint16/s2" },
				{ "--s3-uri", "n5://" + BUCKET + HELA_N5 + "/em/fibsem-uint16/", "--level", "s2" },
				{ "--s3-uri", PublicBucket.server().endpoint() + "/janelia-cosem-datasets/" + HELA_N5
						+ "/em/fibsem-uint16/s2" } };
		int i = 0;
		for (final String[] form : forms) {
			final Path dir = out.resolve("form" + i++);
			final List<String> args = new ArrayList<>(List.of("export", "--output", dir.toString()));
			args.addAll(List.of(form));
			final CliRun r = run(args.toArray(new String[0]));
			assertEquals(0, r.code, String.join(" ", form) + ": " + r.err);
			assertArrayEquals(expected("em/fibsem-uint16", "s2"), NpyFile.read(only(dir, "fibsem-uint16_s2_*.npy"))
					.data, String.join(" ", form));
		}
	}

	@Test
	void uint64LabelsExportWithTheirValues(@TempDir final Path out) throws Exception {
		final CliRun r = run("export", "--s3-uri", BUCKET + HELA_N5, "--array", "labels/mito_seg", "--level", "s0",
				"--output", out.toString());
		assertEquals(0, r.code, r.err);
		final NpyFile npy = NpyFile.read(only(out, "mito_seg_s0_*.npy"));
		assertEquals("<u8", npy.descr);
		assertArrayEquals(expected("labels/mito_seg", "s0"), npy.data);
	}

	@Test
	void aRegionOfAnN5LevelIsTheSameBoxOfZarrPythonsRead(@TempDir final Path out) throws Exception {
		final CliRun r = run("export", "--dataset", "jrc_hela-2", "--array", "em/fibsem-uint16", "--level", "s1",
				"--region", "2:9,5:30,17:40", "--output", out.toString());
		assertEquals(0, r.code, r.err);
		final NpyFile npy = NpyFile.read(only(out, "fibsem-uint16_s1_*.npy"));
		assertArrayEquals(new long[] { 7, 25, 23 }, npy.shape);
		final byte[] whole = expected("em/fibsem-uint16", "s1");
		final byte[] box = new byte[7 * 25 * 23 * 2];
		for (int z = 0; z < 7; z++)
			for (int y = 0; y < 25; y++)
				System.arraycopy(whole, (((z + 2) * 33 + y + 5) * 48 + 17) * 2, box, ((z * 25) + y) * 23 * 2, 23 * 2);
		assertArrayEquals(box, npy.data);
	}

	@Test
	void aBrokenN5BlockOrATooLargeLevelFailsWithOneLineAndWritesNothing(@TempDir final Path out,
			@TempDir final Path folder) throws IOException {
		final Path source = Fixtures.bucket().resolve(HELA_N5);
		final Path copy = folder.resolve("jrc_hela-2.n5");
		try (Stream<Path> files = Files.walk(source)) {
			for (final Path p : files.collect(Collectors.toList()))
				if (Files.isRegularFile(p)) {
					Files.createDirectories(copy.resolve(source.relativize(p).toString()).getParent());
					Files.copy(p, copy.resolve(source.relativize(p).toString()));
				}
		}
		final Path block = copy.resolve("em/fibsem-uint16/s3/0/0/0");
		final byte[] bytes = Files.readAllBytes(block);
		bytes[1] = 2;
		Files.write(block, bytes);
		final CliRun broken = run("export", "--s3-uri", copy.resolve("em/fibsem-uint16/s3").toString(), "--output",
				out.toString());
		assertEquals(OpenOrganelleCli.FAILURE, broken.code, broken.err);
		assertTrue(broken.err.contains(block.toUri().toString()) && broken.err.contains(
				"mode 2 (object) is not supported"), broken.err);
		final CliRun large = run("export", "--s3-uri", BUCKET + HELA_N5 + "/em/fibsem-uint16/s0", "--max-bytes",
				"100K", "--output", out.toString());
		assertEquals(OpenOrganelleCli.FAILURE, large.code, large.err);
		assertTrue(large.err.contains("above the limit of 100 KiB"), large.err);
		try (Stream<Path> s = Files.list(out)) {
			assertEquals(0, s.count(), "no .npy, .json or temporary file");
		}
	}

	@Test
	void anArrayInNeitherContainerOfADatasetGetsSuggestionsFromBoth() {
		final CliRun r = run("info", "--dataset", "jrc_hela-2", "--array", "em/fibsem-uint61");
		assertEquals(OpenOrganelleCli.NOT_FOUND, r.code, r.err);
		assertTrue(r.err.contains("did you mean") && r.err.contains("em/fibsem-uint16"), r.err);
		assertTrue(r.err.contains("jrc_hela-2.zarr") && r.err.contains("jrc_hela-2.n5"), r.err);
	}

	@Test
	void infoOfADatasetListsTheArraysOfBothContainers() {
		final CliRun r = run("info", "--dataset", "jrc_hela-2");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.contains("container " + BUCKET + "jrc_hela-2/jrc_hela-2.zarr"), r.out);
		assertTrue(r.out.contains("container " + BUCKET + HELA_N5), r.out);
		assertTrue(r.out.matches("(?s).*ARRAY +CONTAINER +MODALITY.*"), r.out);
		assertTrue(r.out.matches("(?s).*\\nem/fibsem-uint16 +jrc_hela-2\\.n5 +EM +s0\\.\\.s3 +COSEM transform.*"), r.out);
		assertTrue(r.out.matches("(?s).*\\nlabels/mito_seg +jrc_hela-2\\.n5 .*"), r.out);
		assertTrue(r.out.matches("(?s).*\\nrecon-1/em/fibsem-uint8 +jrc_hela-2\\.zarr .*"), r.out);
		final CliRun levels = run("info", "--dataset", "jrc_hela-2", "--array", "em/fibsem-uint16");
		assertEquals(0, levels.code, levels.err);
		assertTrue(levels.out.contains("in " + BUCKET + HELA_N5), levels.out);
		assertTrue(levels.out.matches("(?s).*\\ns0 +50×66×97 +uint16 +16×16×16 +- +gzip\\(level=-1\\) +5\\.24×4×4 .*"),
				levels.out);
	}

	@Test
	void anUnknownN5PathIsRefusedNamingTheArraysThereAndNothingIsWritten(@TempDir final Path out) throws IOException {
		final CliRun r = run("export", "--s3-uri", BUCKET + HELA_N5 + "/em/fibsem-uint61", "--output", out.toString());
		assertEquals(OpenOrganelleCli.NOT_FOUND, r.code, r.err);
		assertTrue(r.err.contains("em/fibsem-uint61") && r.err.contains("em/fibsem-uint16"), r.err);
		try (Stream<Path> s = Files.list(out)) {
			assertEquals(0, s.count());
		}
	}
}
