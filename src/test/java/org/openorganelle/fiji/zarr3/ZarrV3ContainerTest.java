package org.openorganelle.fiji.zarr3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.ImageEntry;
import org.openorganelle.fiji.export.MetadataSchema;
import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.CliRun;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.S3TestServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Zarr v3 container with OME-Zarr 0.5 metadata ({@code attributes.ome}), laid out like the
 * newest OpenOrganelle stores (unsharded): discovered, opened and exported like a v2 one,
 * from a local folder and from the loopback S3 server.
 */
class ZarrV3ContainerTest {

	private static final String GROUP = "recon-1/em/fibsem-uint8";
	private static final String BUCKET = "zarr3-fixtures";

	private static Path container() {
		return Fixtures.root().resolve("zarr3/ome.zarr");
	}

	private static byte[] expected(final String level) throws IOException {
		return NpyFile.read(container().resolve(GROUP).resolve(level + ".expected.npy")).data;
	}

	@Test
	void theContainerIsFoundToBeV3AndItsOmeZarr05ImageHasItsGeometry() throws IOException {
		final Container container = Container.open(new FileStore(container()));
		assertEquals("Zarr v3", container.format().name());
		final List<ImageEntry> images = container.images("").images();
		assertEquals(List.of(GROUP), images.stream().map(ImageEntry::path).collect(Collectors.toList()));
		assertEquals(List.of("s0", "s1"), images.get(0).levels());
		final MultiscaleGroup group = container.image(GROUP);
		final ScaleLevel s1 = group.level("s1");
		assertArrayEquals(new long[] { 5, 6, 7 }, s1.shape());
		final LevelTransform t = s1.transform().orElseThrow();
		assertArrayEquals(new double[] { 6.48, 8, 8 }, t.scaleNm(), 1e-9);
		assertArrayEquals(new double[] { 1.62, 2, 2 }, t.translationNm(), 1e-9);
		for (final String level : List.of("s0", "s1")) {
			final ScaleLevel l = group.level(level);
			assertArrayEquals(expected(level), l.array().read(Region.whole(l.shape())), level);
		}
	}

	@Test
	void exportsFromALocalFolderAndOverS3ByteExactWithARecordNamingZarrV3(@TempDir final Path out) throws Exception {
		final S3TestServer server = S3TestServer.shared().withBucket(BUCKET, Fixtures.root().resolve("zarr3"));
		final String[][] runs = {
				{ "export", "--s3-uri", container().resolve(GROUP).resolve("s1").toString(), "--output",
						out.resolve("local").toString() },
				{ "export", "--s3-uri", "s3://" + BUCKET + "/ome.zarr", "--array", GROUP, "--level", "s0",
						"--endpoint", server.endpoint().toString(), "--output", out.resolve("s3").toString() } };
		final String[] levels = { "s1", "s0" };
		for (int i = 0; i < runs.length; i++) {
			final CliRun r = CliRun.run(Map.of(), runs[i]);
			assertEquals(0, r.code, r.err);
			final Path dir = out.resolve(i == 0 ? "local" : "s3");
			final List<Path> files;
			try (Stream<Path> s = Files.list(dir)) {
				files = s.sorted().collect(Collectors.toList());
			}
			assertEquals(2, files.size(), files.toString());
			final Path npy = files.stream().filter(p -> p.toString().endsWith(".npy")).findFirst().orElseThrow();
			assertArrayEquals(expected(levels[i]), NpyFile.read(npy).data, String.join(" ", runs[i]));
			final JsonNode record = Json.mapper().readTree(files.stream().filter(p -> p.toString().endsWith(".json"))
					.findFirst().orElseThrow().toFile());
			MetadataSchema.validate(record);
			assertEquals("Zarr v3", record.at("/metadata/provenance/source_format").asText());
			assertEquals("zstd", record.at("/metadata/technical/compression").asText());
			assertTrue(record.at("/metadata/technical/compression_details").asText().contains("zstd(level=3, checksum)"),
					record.toString());
		}
	}
}
