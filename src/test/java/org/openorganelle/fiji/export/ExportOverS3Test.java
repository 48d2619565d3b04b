package org.openorganelle.fiji.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.codec.CodecException;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.ImageSelection;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.RetryingStore;
import org.openorganelle.fiji.store.StoreAddress;
import org.openorganelle.fiji.store.StoreException;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.FaultyStore;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.testing.S3TestServer;
import org.openorganelle.fiji.testing.Values;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exports through the AWS SDK from a real S3-compatible server on loopback: every dtype
 * and codec of the fixture matrix, compared byte for byte with numpy.save of what
 * zarr-python read; and failures that must leave no file behind.
 */
class ExportOverS3Test {

	private static final String MATRIX_BUCKET = "zarr-matrix";
	private static final StoreFactory FACTORY = new StoreFactory();

	@BeforeAll
	static void upload() throws IOException {
		final S3TestServer server = PublicBucket.server();
		for (final JsonNode e : Fixtures.matrixIndex())
			server.uploadDirectory(MATRIX_BUCKET, Fixtures.matrix().resolve(e.get("name").asText()),
					e.get("name").asText() + "/s0/");
	}

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	private static Container matrix() {
		return Container.open(FACTORY.open(StoreAddress.parse("s3://" + MATRIX_BUCKET), PublicBucket.options()));
	}


	@ParameterizedTest(name = "{0}")
	@MethodSource("org.openorganelle.fiji.testing.Fixtures#readableMatrixArrays")
	void exportsEveryDtypeAndCodecExactly(final String name, final JsonNode entry, @TempDir final Path out)
			throws Exception {
		final ImageSelection s = ImageSelection.resolve(matrix(), name, "s0", true);
		final ExportResult result = Exporter.export(ExportRequest.of(s.group(), s.level(), out), ExportOptions
				.defaults().withWorkers(3));
		final byte[] expected = Files.readAllBytes(Fixtures.matrix().resolve(entry.get("npy").asText()));
		final byte[] written = Files.readAllBytes(result.npy());
		assertArrayEquals(expected, written, name);
		final NpyFile npy = NpyFile.parse(written);
		assertEquals(DataType.parse(entry.get("dtype").asText()).descr(), npy.descr);
		assertArrayEquals(s.level().shape(), npy.shape);
		final JsonNode record = Json.mapper().readTree(result.metadata().toFile());
		MetadataSchema.validate(record);
		final JsonNode technical = record.get("metadata").get("technical");
		assertEquals(written.length, technical.get("file_size_bytes").asLong());
		assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(written)),
				technical.get("sha256").asText());
		final double mean = Values.mean(npy.data, npy.descr);
		if (Double.isNaN(mean))
			assertTrue(technical.get("global_mean").isNull());
		else
			assertEquals(mean, technical.get("global_mean").asDouble(), Math.abs(mean) * 1e-12);
		assertEquals(entry.path("compressor").path("id").asText("none"), technical.get("compression").asText());
		assertEquals(2, Directories.files(out).size(), "exactly the two files");
	}

	@Test
	void anExistingFileIsNeverOverwrittenTheExportTakesTheNextNumberedName(@TempDir final Path out) throws Exception {
		final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);
		final ImageSelection s = ImageSelection.resolve(matrix(), "a__u1__raw__dotC", "s0", true);
		final Path existing = out.resolve("a__u1__raw__dotC_s0_20261124_101530.npy");
		Files.write(existing, new byte[] { 42 });
		final ExportResult r = Exporter.export(ExportRequest.of(s.group(), s.level(), out), ExportOptions.defaults()
				.withClock(clock));
		assertEquals(out.resolve("a__u1__raw__dotC_s0_20261124_101530_2.npy").toAbsolutePath(), r.npy());
		assertEquals(out.resolve("metadata_a__u1__raw__dotC_s0_20261124_101530_2.json").toAbsolutePath(), r
				.metadata());
		assertArrayEquals(new byte[] { 42 }, Files.readAllBytes(existing));
		assertEquals(3, Directories.files(out).size());
	}

	@Test
	void theSameExportSeveralTimesAtOnceGetsOneNameEach(@TempDir final Path out) throws Exception {
		final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);
		final String array = "a__be_i2__zstd1__slashC";
		final ImageSelection s = ImageSelection.resolve(matrix(), array, "s0", true);
		final ExecutorService pool = Executors.newFixedThreadPool(4);
		final List<Future<ExportResult>> runs = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++)
				runs.add(pool.submit(() -> Exporter.export(ExportRequest.of(s.group(), s.level(), out), ExportOptions
						.defaults().withClock(clock))));
			final Set<Path> names = new HashSet<>();
			for (final Future<ExportResult> run : runs) {
				final ExportResult r = run.get();
				names.add(r.npy());
				assertArrayEquals(NpyFile.read(Fixtures.matrix().resolve(array + ".npy")).data, NpyFile.read(r.npy())
						.data);
				assertEquals(Files.size(r.npy()), r.bytes());
				assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(r
						.npy()))), r.sha256());
				assertEquals(r.record().at("/metadata/technical/chunks_read").asLong(), r.chunksRead());
			}
			assertEquals(Set.of("", "_2", "_3", "_4").stream().map(n -> out.resolve(array + "_s0_20261124_101530" + n
					+ ".npy").toAbsolutePath()).collect(Collectors.toSet()), names);
		} finally {
			pool.shutdownNow();
		}
		assertEquals(8, Directories.files(out).size(), "four .npy and four .json, no temporary file");
	}

	@Test
	void aCorruptChunkFailsNamingItAndLeavesNothing(@TempDir final Path out) throws Exception {
		final String array = "a__u1__zstd1__dotF";
		final byte[] chunk = Files.readAllBytes(Fixtures.matrix().resolve(array).resolve("0.0.0"));
		chunk[chunk.length / 2] ^= 0x5a;
		chunk[chunk.length / 2 + 1] ^= 0x33;
		final S3TestServer server = PublicBucket.server();
		server.uploadDirectory("corrupt-matrix", Fixtures.matrix().resolve(array), array + "/s0/");
		server.put("corrupt-matrix", array + "/s0/0.0.0", Arrays.copyOf(chunk, chunk.length - 7));
		final Container container = Container.open(FACTORY.open(StoreAddress.parse("s3://corrupt-matrix"),
				PublicBucket.options()));
		final ImageSelection s = ImageSelection.resolve(container, array, "s0", true);
		final CodecException e = assertThrows(CodecException.class,
				() -> Exporter.export(ExportRequest.of(s.group(), s.level(), out), ExportOptions.defaults()));
		assertTrue(e.getMessage().startsWith("cannot decode chunk s3://corrupt-matrix/" + array + "/s0/0.0.0"),
				e.getMessage());
		assertEquals(List.of(), Directories.files(out));
	}

	@Test
	void aChunkThatKeepsFailingExhaustsBoundedRetriesAndLeavesNothing(@TempDir final Path out) {
		final StoreOptions options = PublicBucket.options().toBuilder().maxAttempts(3)
				.backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
		final KeyValueStore s3 = FACTORY.open(StoreAddress.parse("s3://janelia-cosem-datasets/jrc_mus-nacc-2/"
				+ "jrc_mus-nacc-2.zarr"), options);
		final FaultyStore faulty = FaultyStore.failing(s3, key -> key.endsWith("s0/1/1/1"));
		final Container container = Container.open(new RetryingStore(faulty, options));
		final ImageSelection s = ImageSelection.resolve(container, "recon-2/em/fibsem-int16", "s0", true);
		final StoreException e = assertThrows(StoreException.class,
				() -> Exporter.export(ExportRequest.of(s.group(), s.level(), out), ExportOptions.defaults()));
		assertTrue(e.getMessage().contains("recon-2/em/fibsem-int16/s0/1/1/1") && e.getMessage().contains("503")
				&& e.getMessage().contains("3 attempts"), e.getMessage());
		assertEquals(3, faulty.faults.get());
		assertEquals(List.of(), Directories.files(out));
	}

	@Test
	void theTimeLimitStopsTheExportAndLeavesNothing(@TempDir final Path out) {
		final KeyValueStore s3 = PublicBucket.open(FACTORY, "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr");
		final Container container = Container.open(FaultyStore.slow(s3, key -> key.contains("/s0/") && !key.endsWith(
				".zarray"), 200));
		final ImageSelection s = ImageSelection.resolve(container, "recon-2/em/fibsem-int16", "s0", true);
		final long start = System.nanoTime();
		final ExportCancelledException e = assertThrows(ExportCancelledException.class,
				() -> Exporter.export(ExportRequest.of(s.group(), s.level(), out), ExportOptions.defaults()
						.withWorkers(2).withTimeout(Duration.ofMillis(300))));
		assertEquals("export timed out after 0.3 s (--timeout); no files were written", e.getMessage());
		assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped promptly");
		assertEquals(List.of(), Directories.files(out));
	}

	@Test
	void cancellingMidwayLeavesNothing(@TempDir final Path out) {
		final Container container = Container.open(PublicBucket.open(FACTORY, "jrc_hela-2/jrc_hela-2.zarr"));
		final ImageSelection s = ImageSelection.resolve(container, "recon-1/em/fibsem-uint8", "s0", true);
		final Cancellation cancellation = new Cancellation();
		assertThrows(ExportCancelledException.class, () -> Exporter.export(ExportRequest.of(s.group(), s.level(), out),
				ExportOptions.defaults().withWorkers(1).withCancellation(cancellation).withProgress(status -> {
					if (status.chunksDone == 2)
						cancellation.cancel("was cancelled by the user");
				})));
		assertEquals(List.of(), Directories.files(out));
	}

	@Test
	void tooLargeExportsAreRefusedBeforeFetchingWithAdvice(@TempDir final Path out) {
		final Container container = Container.open(PublicBucket.open(FACTORY, "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr"));
		final ImageSelection s = ImageSelection.resolve(container, "recon-2/em/fibsem-int16", "s0", true);
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> Exporter.export(ExportRequest
				.of(s.group(), s.level(), out), ExportOptions.defaults().withMaxBytes(100 << 10)));
		assertEquals("recon-2/em/fibsem-int16 level s0 (whole level) is 510 kB, above the limit of 100 KiB; level s1 is "
				+ "60.7 kB; choose a coarser level or a region, or raise the size limit (--max-bytes; limit= in Fiji)", e
						.getMessage());
		assertEquals(List.of(), Directories.files(out));
	}

}
