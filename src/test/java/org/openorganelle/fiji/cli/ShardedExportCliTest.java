package org.openorganelle.fiji.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.export.MetadataSchema;
import org.openorganelle.fiji.testing.CliRun;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.testing.S3TestServer;
import org.openorganelle.fiji.testing.SystemProperties;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sharded Zarr v3 store of the bucket miniature (a scaled-down jrc_mosquito-stylet-6:
 * OME-Zarr 0.5, 4³ inner chunks in 64³ shards) through the command line, served by the
 * loopback S3 server: listed, described with its shards and codec chain, exported byte-exact
 * (against the numpy arrays the shards were encoded from) by plain HTTP and the signed SDK,
 * a region by ranged reads only, and a corrupt shard refused naming it.
 */
class ShardedExportCliTest {

	private static final String DATASET = "jrc_mosquito-stylet-6";
	private static final String CONTAINER = DATASET + "/" + DATASET + ".zarr";
	private static final String IMAGE = "recon-1/em/fibsem-uint8";
	private static final String BUCKET = "s3://" + PublicBucket.NAME + "/";

	private final SystemProperties properties = new SystemProperties();

	@AfterEach
	void restore() {
		properties.restore();
	}

	private static CliRun run(final String... args) {
		return CliRun.onPublicBucket(args);
	}

	private static NpyFile expected(final String level) throws IOException {
		return NpyFile.read(Fixtures.bucketExpected().resolve(DATASET).resolve(DATASET + ".zarr").resolve(IMAGE)
				.resolve(level + ".npy"));
	}

	private static Path only(final Path dir, final String suffix) {
		final List<Path> found = Directories.files(dir).stream().filter(p -> p.toString().endsWith(suffix)).collect(
				Collectors.toList());
		assertEquals(1, found.size(), suffix + " in " + dir);
		return found.get(0);
	}

	@Test
	void listAndInfoShowTheV3DatasetItsOmeZarr05ImageAndItsShards() {
		final CliRun list = run("list");
		assertEquals(0, list.code, list.err);
		assertTrue(list.out.contains(DATASET), list.out);
		final CliRun info = run("info", "--dataset", DATASET);
		assertEquals(0, info.code, info.err);
		assertTrue(info.out.contains("container " + BUCKET + CONTAINER), info.out);
		assertTrue(info.out.matches("(?s).*\\n" + IMAGE + " +EM +s0\\.\\.s2 +OME-Zarr 0\\.5.*"), info.out);
		final CliRun levels = run("info", "--dataset", DATASET, "--array", IMAGE);
		assertEquals(0, levels.code, levels.err);
		assertTrue(levels.out.matches("(?s).*LEVEL +SHAPE \\(z,y,x\\) +DTYPE +CHUNKS +SHARDS +CODEC .*"), levels.out);
		assertTrue(levels.out.matches("(?s).*\\ns0 +70×66×80 +uint8 +4×4×4 +64×64×64 +sharding_indexed\\(index "
				+ "at end: bytes\\(little\\) / crc32c; inner: bytes / zstd\\(level=3, checksum\\)\\) +3\\.24×4×4 "
				+ "+0×0×0 .*"), levels.out);
		assertTrue(levels.out.matches("(?s).*\\ns2 +18×17×20 +uint8 +4×4×4 +64×64×64 .* +12\\.96×16×16 "
				+ "+4\\.86×6×6 .*"), levels.out);
		final CliRun json = run("info", "--dataset", DATASET, "--array", IMAGE, "--json");
		assertEquals(0, json.code, json.err);
		assertTrue(json.out.replaceAll("\\s", "").contains("\"chunks\":[4,4,4],\"shards\":[64,64,64]"), json.out);
	}

	@ParameterizedTest(name = "signed: {0}")
	@ValueSource(booleans = { false, true })
	void everyLevelExportsByteExactWithARecordNamingZarrV3AndTheShards(final boolean signed, @TempDir final Path out)
			throws Exception {
		if (signed) {
			properties.set("aws.accessKeyId", "AKIDV3TEST");
			properties.set("aws.secretAccessKey", "v3-test-secret");
		}
		for (final String level : List.of("s0", "s1", "s2")) {
			final Path dir = out.resolve(level);
			final List<String> args = new ArrayList<>(List.of("export", "--dataset", DATASET, "--array", IMAGE,
					"--level", level, "--output", dir.toString()));
			if (signed)
				args.add("--credentials");
			final CliRun r = run(args.toArray(new String[0]));
			assertEquals(0, r.code, r.err);
			final NpyFile npy = NpyFile.read(only(dir, ".npy"));
			assertEquals("|u1", npy.descr);
			assertArrayEquals(expected(level).shape, npy.shape);
			assertArrayEquals(expected(level).data, npy.data, level);
			final JsonNode record = Json.mapper().readTree(only(dir, ".json").toFile());
			MetadataSchema.validate(record);
			assertEquals("Zarr v3", record.at("/metadata/provenance/source_format").asText());
			assertEquals("[4,4,4]", record.at("/metadata/technical/chunk_size").toString());
			assertEquals("[64,64,64]", record.at("/metadata/technical/shard_size").toString());
			assertEquals("zstd", record.at("/metadata/technical/compression").asText());
			assertTrue(record.at("/metadata/technical/compression_details").asText().startsWith("sharding_indexed("),
					record.toString());
			final double scale = Math.pow(2, Integer.parseInt(level.substring(1)));
			assertEquals(3.24 * scale, record.at("/voxel_size_nm/z").asDouble(), 1e-9);
			assertEquals(2 * (scale - 1), record.at("/translation_nm/y").asDouble(), 1e-9);
		}
	}

	@Test
	void aRegionInsideOneInnerChunkCostsTheShardsIndexAndOneRangeOverS3(@TempDir final Path out) throws Exception {
		final CliRun r = run("export", "--dataset", DATASET, "--array", IMAGE, "--level", "s0", "--region",
				"4:8,8:12,12:16", "--debug", "--output", out.toString());
		assertEquals(0, r.code, r.err);
		final List<String> shardReads = r.err.lines().filter(l -> l.startsWith("debug: GET ") && l.contains(
				"/s0/c/")).collect(Collectors.toList());
		assertEquals(2, shardReads.size(), r.err);
		assertTrue(shardReads.get(0).contains(BUCKET + CONTAINER + "/" + IMAGE + "/s0/c/0/0/0 (the last 65540 bytes)"),
				shardReads.toString());
		assertTrue(shardReads.get(1).matches(".*/s0/c/0/0/0 \\(bytes [0-9]+-[0-9]+\\) -> .*"), shardReads.toString());
		final NpyFile whole = expected("s0");
		final byte[] box = new byte[64];
		int at = 0;
		for (int z = 4; z < 8; z++)
			for (int y = 8; y < 12; y++)
				for (int x = 12; x < 16; x++)
					box[at++] = whole.data[(z * 66 + y) * 80 + x];
		assertArrayEquals(box, NpyFile.read(only(out, ".npy")).data);
	}

	@Test
	void aDatasetMixingAShardedV3ZarrAndAnN5ContainerListsAndExportsBoth(@TempDir final Path bucket,
			@TempDir final Path out) throws Exception {
		final String mixed = "jrc_mixed-1";
		Directories.copy(Fixtures.bucket().resolve(CONTAINER), bucket.resolve(mixed + "/" + mixed + ".zarr"));
		Directories.copy(Fixtures.bucket().resolve("jrc_hela-2/jrc_hela-2.n5"), bucket.resolve(mixed + "/" + mixed
				+ ".n5"));
		try (S3TestServer server = S3TestServer.start().withBucket(PublicBucket.NAME, bucket)) {
			final String endpoint = server.endpoint().toString();
			final CliRun info = CliRun.run(Map.of(), "info", "--dataset", mixed, "--endpoint", endpoint);
			assertEquals(0, info.code, info.err);
			assertTrue(info.out.matches("(?s).*\\n" + IMAGE + " +" + mixed + "\\.zarr +EM +s0\\.\\.s2 "
					+ "+OME-Zarr 0\\.5.*"), info.out);
			assertTrue(info.out.matches("(?s).*\\nem/fibsem-uint16 +" + mixed + "\\.n5 +EM +s0\\.\\.s3 .*"), info.out);
			for (final String[] pick : new String[][] { { IMAGE, "s2" }, { "em/fibsem-uint16", "s3" } }) {
				final Path dir = out.resolve(pick[1]);
				final CliRun r = CliRun.run(Map.of(), "export", "--dataset", mixed, "--array", pick[0], "--level",
						pick[1], "--endpoint", endpoint, "--output", dir.toString());
				assertEquals(0, r.code, r.err);
				final Path expected = Fixtures.bucketExpected().resolve(pick[1].equals("s2") ? CONTAINER + "/"
						+ IMAGE + "/s2.npy" : "jrc_hela-2/jrc_hela-2.n5/em/fibsem-uint16/s3.npy");
				assertArrayEquals(NpyFile.read(expected).data, NpyFile.read(only(dir, ".npy")).data, pick[0]);
			}
		}
	}

	@Test
	void aShardWithACorruptIndexFailsWithOneLineNamingItAndWritesNothing(@TempDir final Path out,
			@TempDir final Path folder) throws IOException {
		final Path copy = Directories.copy(Fixtures.bucket().resolve(DATASET), folder.resolve(DATASET));
		final Path shard = copy.resolve(DATASET + ".zarr").resolve(IMAGE).resolve("s1/c/0/0/0");
		final byte[] bytes = Files.readAllBytes(shard);
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(bytes.length - 65540, 1L << 40);
		Files.write(shard, bytes);
		final S3TestServer server = S3TestServer.shared().withBucket("broken-v3", folder);
		final CliRun r = CliRun.run(Map.of(), "export", "--s3-uri", "s3://broken-v3/" + CONTAINER, "--array", IMAGE,
				"--level", "s1", "--endpoint", server.endpoint().toString(), "--output", out.toString());
		assertEquals(OpenOrganelleCli.FAILURE, r.code, r.err);
		final List<String> errors = r.err.lines().filter(l -> l.contains("error")).collect(Collectors.toList());
		assertEquals(1, errors.size(), r.err);
		assertTrue(errors.get(0).matches("openorganelle: error: cannot read inner chunk \\[[0-9, ]+\\] of shard "
				+ "s3://broken-v3/" + CONTAINER + "/" + IMAGE + "/s1/c/0/0/0: its index \\(the last 65540 bytes\\) "
				+ "is corrupt \\(bytes\\(little\\) / crc32c\\): crc32c: checksum mismatch .*"), r.err);
		assertEquals(List.of(), Directories.files(out), "no .npy, .json or temporary file");
	}
}
