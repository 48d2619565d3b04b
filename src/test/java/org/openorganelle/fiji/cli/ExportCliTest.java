package org.openorganelle.fiji.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.codec.ZstdDecoders;
import org.openorganelle.fiji.export.MetadataSchema;
import org.openorganelle.fiji.testing.CliRun;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.ForkedRun;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code openorganelle export} against the bucket miniature on a loopback S3 server. */
class ExportCliTest {

	private static final String NACC = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/";

	private static CliRun export(final Path output, final String... args) {
		final List<String> all = new ArrayList<>(List.of("export", "--endpoint",
				PublicBucket.server().endpoint().toString(), "--output", output.toString()));
		all.addAll(List.of(args));
		return CliRun.run(Map.of(), all.toArray(new String[0]));
	}

	private static List<String> names(final Path dir) throws IOException {
		if (!Files.exists(dir))
			return List.of();
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	private static Path only(final Path dir, final String glob) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			final List<Path> found = s.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob)
					.matches(p.getFileName())).collect(Collectors.toList());
			assertEquals(1, found.size(), glob + " in " + names(dir));
			return found.get(0);
		}
	}

	private static byte[] expected(final String path, final String level) throws IOException {
		return NpyFile.read(Fixtures.bucketExpected().resolve(path).resolve(level + ".npy")).data;
	}

	@Test
	void exportsALevelWithTheOriginalLoadersFileNamesAndAValidRecord(@TempDir final Path out) throws Exception {
		final CliRun r = export(out, "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16", "--level", "s2");
		assertEquals(0, r.code, r.err);
		final Path npy = only(out, "fibsem-int16_s2_[0-9]*_[0-9]*.npy");
		final Path json = only(out, "metadata_fibsem-int16_s2_[0-9]*_[0-9]*.json");
		assertEquals(npy.getFileName().toString(), json.getFileName().toString().replace("metadata_", "")
				.replace(".json", ".npy"));
		assertTrue(r.err.contains("exporting recon-2/em/fibsem-int16 s2: 10×18×20 int16, 7.20 kB"), r.err);
		assertTrue(r.out.contains("wrote " + npy), r.out);
		final NpyFile file = NpyFile.read(npy);
		assertEquals("<i2", file.descr);
		assertArrayEquals(expected(NACC + "em/fibsem-int16", "s2"), file.data);
		final JsonNode record = Json.mapper().readTree(json.toFile());
		MetadataSchema.validate(record);
		assertEquals("jrc_mus-nacc-2", record.get("source_id").asText());
		assertEquals("s3://janelia-cosem-datasets/jrc_mus-nacc-2/jrc_mus-nacc-2.zarr",
				record.at("/metadata/provenance/download_url").asText());
		assertEquals("recon-2/em/fibsem-int16/s2", record.at("/metadata/provenance/internal_zarr_path").asText());
		assertEquals(11.84, record.at("/voxel_size_nm/z").asDouble(), 1e-9);
		assertEquals(16, record.at("/voxel_size_nm/x").asDouble(), 1e-9);
		assertEquals(4.44, record.at("/translation_nm/z").asDouble(), 1e-9);
		assertEquals("2015-03-09", record.get("imaging_start_date").asText());
		assertEquals(npy.toAbsolutePath().toString(), record.at("/files/volume").asText());
		assertEquals("zstd", record.at("/metadata/technical/compression").asText());
	}

	@Test
	void exportsSeveralArraysEachWithItsPairOfFiles(@TempDir final Path out) throws Exception {
		final CliRun r = export(out, "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16", "--array",
				"recon-2/labels/inference/segmentations/nuc", "--level", "s1", "--json");
		assertEquals(0, r.code, r.err);
		assertEquals(2, Json.mapper().readTree(r.out).size());
		assertEquals(4, names(out).size(), names(out).toString());
		final NpyFile labels = NpyFile.read(only(out, "nuc_s1_*.npy"));
		assertEquals("<u8", labels.descr);
		assertArrayEquals(expected(NACC + "labels/inference/segmentations/nuc", "s1"), labels.data);
		final JsonNode record = Json.mapper().readTree(only(out, "metadata_nuc_s1_*.json").toFile());
		assertEquals("labels", record.at("/metadata/core/modality").asText());
		assertEquals("uint64", record.at("/metadata/core/data_type").asText());
	}

	@Test
	void acceptsTheZarrPathFormsUsersType(@TempDir final Path out) throws Exception {
		assertEquals(0, export(out.resolve("level"), "--dataset", "jrc_mus-nacc-2", "--zarr-path",
				"recon-2/em/fibsem-int16/s3").code);
		assertArrayEquals(expected(NACC + "em/fibsem-int16", "s3"), NpyFile.read(only(out.resolve("level"),
				"fibsem-int16_s3_*.npy")).data);
		assertEquals(0, export(out.resolve("parent"), "--dataset", "jrc_mus-nacc-2", "--zarr-path", "recon-2/em",
				"--level", "s3").code);
		only(out.resolve("parent"), "fibsem-int16_s3_*.npy");
		final CliRun ambiguous = export(out.resolve("ambiguous"), "--dataset", "jrc_hela-2", "--zarr-path",
				"recon-1/labels/groundtruth/crop1");
		assertEquals(OpenOrganelleCli.FAILURE, ambiguous.code);
		assertTrue(ambiguous.err.contains("holds 2 arrays; give one of: recon-1/labels/groundtruth/crop1/all, "
				+ "recon-1/labels/groundtruth/crop1/mito"), ambiguous.err);
		final CliRun conflict = export(out.resolve("conflict"), "--dataset", "jrc_mus-nacc-2", "--zarr-path",
				"recon-2/em/fibsem-int16/s3", "--level", "s2");
		assertTrue(conflict.err.contains("names level s3 but --level is s2"), conflict.err);
		assertEquals(List.of(), names(out.resolve("ambiguous")));
		assertEquals(List.of(), names(out.resolve("conflict")));
	}

	@Test
	void exportsRegionsInVoxelsAndNanometres(@TempDir final Path out) throws Exception {
		final CliRun r = export(out.resolve("voxels"), "--dataset", "jrc_mus-nacc-2", "--array",
				"recon-2/em/fibsem-int16", "--level", "s0", "--region", "5:37,:40,10:83");
		assertEquals(0, r.code, r.err);
		final NpyFile file = NpyFile.read(only(out.resolve("voxels"), "*.npy"));
		assertArrayEquals(new long[] { 32, 40, 73 }, file.shape);
		final byte[] whole = expected(NACC + "em/fibsem-int16", "s0");
		final byte[] crop = new byte[32 * 40 * 73 * 2];
		int o = 0;
		for (int z = 5; z < 37; z++)
			for (int y = 0; y < 40; y++) {
				System.arraycopy(whole, ((z * 75 + y) * 83 + 10) * 2, crop, o, 73 * 2);
				o += 73 * 2;
			}
		assertArrayEquals(crop, file.data);
		final JsonNode region = Json.mapper().readTree(only(out.resolve("voxels"), "*.json").toFile())
				.at("/metadata/provenance/region");
		assertEquals("[5,0,10]", region.get("voxel_start").toString());
		assertEquals("[37,40,83]", region.get("voxel_stop").toString());
		// voxel centres z: 5*2.96=14.8 .. 36*2.96=106.56; y: 0..156; x: 40..328
		final CliRun nm = export(out.resolve("nm"), "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16",
				"--level", "s0", "--region-nm", "14:107,:158,39:330");
		assertEquals(0, nm.code, nm.err);
		assertArrayEquals(crop, NpyFile.read(only(out.resolve("nm"), "*.npy")).data);
	}

	@Test
	void takesItsConfigurationFromTheOriginalLoadersEnvironmentVariables(@TempDir final Path out) throws Exception {
		final Map<String, String> env = new HashMap<>();
		env.put("AWS_ENDPOINT_URL", PublicBucket.server().endpoint().toString());
		env.put("DATASET_ID", "jrc_macrophage-2");
		env.put("ZARR_PATH", "recon-1/em/fibsem-uint8");
		env.put("OUTPUT_DIR", out.toString());
		env.put("MAX_WORKERS", "2");
		final CliRun r = CliRun.run(env, "export");
		assertEquals(0, r.code, r.err);
		final NpyFile file = NpyFile.read(only(out, "fibsem-uint8_s1_*.npy"));
		assertArrayEquals(expected("jrc_macrophage-2/jrc_macrophage-2.zarr/recon-1/em/fibsem-uint8", "s1"), file.data);
	}

	@Test
	void badInputFailsWithOneLineAndLeavesNothing(@TempDir final Path out) throws Exception {
		final String[][] cases = { { "3", "unknown dataset 'jrc_cos7-1'", "--dataset", "jrc_cos7-1", "--array", "x" },
				{ "3", "did you mean: recon-2/em/fibsem-int16", "--dataset", "jrc_mus-nacc-2", "--array",
						"recon-2/em/fibsem-in16" },
				{ "3", "unknown level 's7'", "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16",
						"--level", "s7" },
				{ "1", "reaches outside the level on y: 0:99 is not within 0:75", "--dataset", "jrc_mus-nacc-2",
						"--array", "recon-2/em/fibsem-int16", "--level", "s0", "--region", "0:4,0:99,0:4" },
				{ "1", "is empty on x (4:4)", "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16",
						"--level", "s0", "--region", "0:4,0:4,4:4" },
				{ "1", "invalid region '0:4,0:4'", "--dataset", "jrc_mus-nacc-2", "--array",
						"recon-2/em/fibsem-int16", "--region", "0:4,0:4" },
				{ "1", "above the limit of 100 KiB; level s1 is 60.7 kB", "--dataset", "jrc_mus-nacc-2", "--array",
						"recon-2/em/fibsem-int16", "--level", "s0", "--max-bytes", "100K" },
				{ "1", "workers 0 is out of range", "--dataset", "jrc_mus-nacc-2", "--array",
						"recon-2/em/fibsem-int16", "--workers", "0" } };
		for (final String[] c : cases) {
			final String[] args = Arrays.copyOfRange(c, 2, c.length);
			final CliRun r = export(out, args);
			assertEquals(Integer.parseInt(c[0]), r.code, String.join(" ", args) + "\n" + r.err);
			assertEquals(1, r.err.lines().count(), r.err);
			assertTrue(r.err.startsWith("openorganelle: error: ") && r.err.contains(c[1]), r.err);
			assertEquals(List.of(), names(out), String.join(" ", args));
		}
	}

	@Test
	void anUnwritableOutputDirectoryIsReportedAndNothingIsWritten(@TempDir final Path tmp) throws Exception {
		final Path file = Files.write(tmp.resolve("not-a-directory"), new byte[] { 1 });
		final CliRun r = export(file.resolve("out"), "--dataset", "jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16",
				"--level", "s3");
		assertEquals(OpenOrganelleCli.FAILURE, r.code);
		assertTrue(r.err.contains("cannot create the output directory " + file.resolve("out")), r.err);
		assertEquals(List.of("not-a-directory"), names(tmp));
	}

	@Test
	void theExportSaysWhichZstdDecoderRunsAndWithoutZstdJniDecodesInPureJavaWithTheSameBytes(@TempDir final Path dir)
			throws Exception {
		final String[] args = { "export", "--endpoint", PublicBucket.server().endpoint().toString(), "--dataset",
				"jrc_mus-nacc-2", "--array", "recon-2/em/fibsem-int16", "--level", "s2", "--verbose", "--output" };
		final CliRun here = CliRun.run(Map.of(), concat(args, dir.resolve("native").toString()));
		assertEquals(0, here.code, here.err);
		assertTrue(here.err.contains("note: " + ZstdDecoders.description()), here.err); // native: ZstdDecodersTest
		assertArrayEquals(expected(NACC + "em/fibsem-int16", "s2"), NpyFile.read(only(dir.resolve("native"),
				"*.npy")).data);

		final List<File> withoutZstdJni = new ArrayList<>();
		for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator))
			if (!new File(entry).getName().startsWith("zstd-jni-"))
				withoutZstdJni.add(new File(entry));
		final ForkedRun forked = ForkedRun.run(dir, withoutZstdJni, OpenOrganelleCli.class.getName(), concat(args,
				dir.resolve("pure-java").toString()));
		assertEquals(0, forked.code, forked.err);
		assertTrue(forked.err.contains("note: zstd decoded in pure Java (aircompressor): zstd-jni is not on the class "
				+ "path"), forked.err);
		assertArrayEquals(expected(NACC + "em/fibsem-int16", "s2"), NpyFile.read(only(dir.resolve("pure-java"),
				"*.npy")).data);
	}

	private static String[] concat(final String[] args, final String last) {
		final String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = last;
		return all;
	}
}
