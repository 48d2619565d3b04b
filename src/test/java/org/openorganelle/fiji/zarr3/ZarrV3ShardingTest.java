package org.openorganelle.fiji.zarr3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.ChunkedArray;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.codec.CodecException;
import org.openorganelle.fiji.store.FileStore;
import org.openorganelle.fiji.testing.CountingStore;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sharded Zarr v3 arrays (scripts/fixtures/make_zarr3_sharded_fixtures.py: every integer and
 * float data type × six inner codec chains × index at the start or end × three index codec
 * chains × missing shards, empty inner chunks, partial edge shards, shuffled inner chunks with
 * gaps × both chunk key encodings; and a scaled-down jrc_mosquito-stylet-6 with 16 inner
 * chunks per shard axis) read as the numpy arrays they were written from, by ranged reads only.
 */
class ZarrV3ShardingTest {

	private static final String MOSQUITO = "jrc_mosquito-stylet-6";
	private static final String S0 = "jrc_mosquito-stylet-6.zarr/recon-1/em/fibsem-uint8/s0";

	private static Path root() {
		return Fixtures.root().resolve("zarr3-sharded");
	}

	/** The miniature's s0 in the bucket miniature. */
	private static Path s0() {
		return Fixtures.bucket().resolve(MOSQUITO).resolve(S0);
	}

	private static Path s0Expected() {
		return Fixtures.bucketExpected().resolve(MOSQUITO).resolve(S0 + ".npy");
	}

	/** The matrix's arrays and the miniature's levels, each with the folder its entry's paths are relative to. */
	static Stream<Arguments> arrays() throws IOException {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonNode e : Fixtures.index("zarr3-sharded/index.json"))
			out.add(Arguments.of(e.get("name").asText(), root(), e));
		final Path mosquito = Fixtures.bucketExpected().resolve(MOSQUITO);
		for (final JsonNode e : Fixtures.index("bucket-expected/" + MOSQUITO + "/index.json"))
			out.add(Arguments.of(e.get("name").asText(), mosquito, e));
		return out.stream();
	}

	private static ChunkedArray open(final Path dir) {
		return ZarrV3Format.INSTANCE.openArray(new FileStore(dir), "");
	}

	private static long[] longs(final JsonNode node) {
		final long[] v = new long[node.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = node.get(i).asLong();
		return v;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("arrays")
	void readsEveryShardedArrayAsItWasWrittenWithoutReadingAShardWhole(final String name, final Path base,
			final JsonNode entry) throws IOException {
		final Path dir = base.resolve(name).normalize();
		final CountingStore store = new CountingStore(new FileStore(dir));
		final ChunkedArray array = ZarrV3Format.INSTANCE.openArray(store, "");
		final NpyFile expected = NpyFile.read(base.resolve(entry.get("npy").asText()));
		assertEquals(expected.descr, array.metadata().dataType().descr());
		assertArrayEquals(expected.shape, array.metadata().shape());
		assertArrayEquals(longs(entry.get("chunk_shape")), Arrays.stream(array.metadata().chunks()).asLongStream()
				.toArray(), "the chunk grid is the inner chunks'");
		assertArrayEquals(longs(entry.get("shard_shape")), array.layout().shardShape().orElseThrow());
		assertArrayEquals(expected.data, array.read(Region.whole(array.metadata().shape())), name);
		assertEquals(List.of("zarr.json"), store.gets, "metadata is the only whole read");
		for (final JsonNode key : entry.get("missing_shards"))
			assertFalse(Files.exists(dir.resolve(key.asText())), key.asText());
		final long shards = store.ranges.stream().filter(r -> r.contains(entry.get("index_location").asText()
				.equals("end") ? "the last " : " (bytes 0-")).map(r -> r.substring(0, r.indexOf(' '))).distinct()
				.count();
		assertEquals(Arrays.stream(array.metadata().chunkGrid()).reduce(1, (a, b) -> a * b) == 0 ? 0
				: shardCount(array), shards, "each shard's index is read once: " + store.ranges);
	}

	private static long shardCount(final ChunkedArray array) {
		final long[] shape = array.metadata().shape();
		final long[] shard = array.layout().shardShape().orElseThrow();
		long n = 1;
		for (int d = 0; d < shape.length; d++)
			n *= (shape[d] + shard[d] - 1) / shard[d];
		return n;
	}

	@Test
	void theFixturesCoverIndexLocationsIndexCodecsMissingShardsEmptyInnerChunksAndKeyEncodings() throws IOException {
		final Set<String> seen = new HashSet<>();
		int missingShards = 0;
		int empty = 0;
		for (final JsonNode e : Fixtures.index("zarr3-sharded/index.json")) {
			final JsonNode sharding = e.get("codecs").get(0).get("configuration");
			seen.add("index at " + sharding.get("index_location").asText());
			seen.add("index " + sharding.get("index_codecs").toString());
			sharding.get("codecs").forEach(c -> seen.add(c.get("name").asText() + c.path("configuration").path(
					"endian").asText("")));
			seen.add(e.get("chunk_key_encoding").toString());
			missingShards += e.get("missing_shards").size();
			empty += e.get("empty_inner_chunks").asInt();
		}
		for (final String expected : List.of("index at start", "index at end",
				"index [{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}},{\"name\":\"crc32c\"}]",
				"index [{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}}]",
				"index [{\"name\":\"bytes\",\"configuration\":{\"endian\":\"big\"}},{\"name\":\"crc32c\"}]",
				"transpose", "byteslittle", "bytesbig", "gzip", "zstd", "blosc", "crc32c",
				"{\"name\":\"default\",\"configuration\":{\"separator\":\"/\"}}",
				"{\"name\":\"default\",\"configuration\":{\"separator\":\".\"}}",
				"{\"name\":\"v2\",\"configuration\":{\"separator\":\".\"}}",
				"{\"name\":\"v2\",\"configuration\":{\"separator\":\"/\"}}"))
			assertTrue(seen.contains(expected), expected + " in " + seen);
		assertTrue(missingShards >= 40, missingShards + " missing shards");
		assertTrue(empty >= 1000, empty + " empty inner chunks");
	}

	@Test
	void oneInnerChunkOfA64CubedShardCostsItsIndexRangeAndOneRange() {
		final CountingStore store = new CountingStore(new FileStore(s0()));
		final ChunkedArray array = ZarrV3Format.INSTANCE.openArray(store, "");
		store.gets.clear();
		array.read(new Region(new long[] { 4, 8, 12 }, new long[] { 4, 4, 4 }));
		final int indexBytes = 16 * 16 * 16 * 16 + 4;
		assertEquals(List.of("c/0/0/0 (the last " + indexBytes + " bytes)"), store.ranges.subList(0, 1));
		assertEquals(2, store.ranges.size(), store.ranges.toString());
		assertTrue(store.gets.isEmpty(), store.gets.toString());
	}

	@Test
	void innerChunksARegionCrossesAreReadInAsFewRangesAsTheirPlacesAllow() throws IOException {
		final CountingStore store = new CountingStore(new FileStore(s0()));
		final ChunkedArray array = ZarrV3Format.INSTANCE.openArray(store, "");
		final Region crossing = new Region(new long[] { 2, 2, 2 }, new long[] { 4, 4, 4 });
		final byte[] expected = crop(NpyFile.read(s0Expected()), crossing);
		assertArrayEquals(expected, array.read(crossing), "8 inner chunks");
		assertEquals(2, store.ranges.size(), "one index range, one range for 8 inner chunks (written in C order "
				+ "close together): " + store.ranges);
		store.ranges.clear();
		final Region twoShards = new Region(new long[] { 60, 60, 10 }, new long[] { 8, 1, 1 });
		assertArrayEquals(crop(NpyFile.read(s0Expected()), twoShards), array.read(twoShards));
		assertEquals(3, store.ranges.size(), store.ranges.toString());
		assertTrue(store.ranges.get(0).startsWith("c/0/0/0 (bytes "), "c/0/0/0's index is cached: " + store.ranges);
		assertEquals("c/1/0/0 (the last 65540 bytes)", store.ranges.get(1));
		assertTrue(store.ranges.get(2).startsWith("c/1/0/0 (bytes "), store.ranges.toString());
	}

	/** A box of a C-order uint8 volume. */
	private static byte[] crop(final NpyFile volume, final Region box) {
		final long[] s = box.start();
		final long[] n = box.size();
		final byte[] out = new byte[(int) box.elementCount()];
		int at = 0;
		for (long z = s[0]; z < s[0] + n[0]; z++)
			for (long y = s[1]; y < s[1] + n[1]; y++)
				for (long x = s[2]; x < s[2] + n[2]; x++)
					out[at++] = volume.data[(int) ((z * volume.shape[1] + y) * volume.shape[2] + x)];
		return out;
	}

	@Test
	void aCorruptIndexChecksumNamesTheShardAndTheInnerChunk(@TempDir final Path dir) throws IOException {
		final Path copy = Directories.copy(s0(), dir.resolve("s0"));
		final Path shard = copy.resolve("c/1/0/0");
		final byte[] bytes = Files.readAllBytes(shard);
		bytes[bytes.length - 100] ^= 1;
		Files.write(shard, bytes);
		final ChunkedArray array = open(copy);
		final CodecException e = assertThrows(CodecException.class, () -> array.read(new Region(new long[] { 64, 0,
				0 }, new long[] { 1, 1, 1 })));
		assertEquals("cannot read inner chunk [0, 0, 0] of shard " + shard.toUri() + ": its index (the last 65540 "
				+ "bytes) is corrupt (bytes(little) / crc32c): crc32c: checksum mismatch", e.getMessage().replaceAll(
						" \\(stored .*", ""));
	}

	@Test
	void anIndexPlacingAnInnerChunkPastTheShardsEndNamesIt(@TempDir final Path dir) throws IOException {
		final JsonNode entry = entry(true, false);
		final Path copy = Directories.copy(root().resolve(entry.get("name").asText()), dir.resolve("a"));
		final Path shard = firstShard(copy);
		final byte[] bytes = Files.readAllBytes(shard);
		final ByteBuffer index = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		final long length = index.getLong(8);
		index.putLong(0, bytes.length + 100L);
		Files.write(shard, bytes);
		final ChunkedArray array = open(copy);
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> array.read(Region.whole(
				array.metadata().shape())));
		assertTrue(e.getMessage().startsWith("cannot read inner chunk [0, 0, 0] of shard " + shard.toUri() + " (bytes "
				+ (bytes.length + 100) + "-" + (bytes.length + 99 + length) + ", as its index says)"), e.getMessage());
		assertTrue(e.getMessage().contains("lies past its end"), e.getMessage());
	}

	@Test
	void aTruncatedShardIsAnErrorNamingItAndTheInnerChunkThatIsCut(@TempDir final Path dir) throws IOException {
		final JsonNode entry = entry(true, false);
		final Path copy = Directories.copy(root().resolve(entry.get("name").asText()), dir.resolve("start"));
		final Path shard = firstShard(copy);
		final byte[] bytes = Files.readAllBytes(shard);
		Files.write(shard, Arrays.copyOf(bytes, bytes.length - 1));
		final ChunkedArray array = open(copy);
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> array.read(Region.whole(
				array.metadata().shape())));
		assertTrue(e.getMessage().matches("cannot read inner chunk \\[[0-9, ]+\\] of shard " + shard.toUri()
				+ " \\(bytes .*lies past its end.*"), e.getMessage());

		final Path atEnd = Directories.copy(s0(), dir.resolve("end"));
		final Path endShard = atEnd.resolve("c/0/0/0");
		final byte[] whole = Files.readAllBytes(endShard);
		Files.write(endShard, Arrays.copyOf(whole, whole.length - 10));
		final CodecException cut = assertThrows(CodecException.class, () -> open(atEnd).read(new Region(new long[3],
				new long[] { 1, 1, 1 })));
		assertTrue(cut.getMessage().startsWith("cannot read inner chunk [0, 0, 0] of shard " + endShard.toUri()
				+ ": its index (the last 65540 bytes) is corrupt"), cut.getMessage());
	}

	@Test
	void aCorruptInnerChunkNamesTheShardAndTheInnerChunk(@TempDir final Path dir) throws IOException {
		final Path copy = Directories.copy(s0(), dir.resolve("s0"));
		final Path shard = copy.resolve("c/0/0/0");
		final byte[] bytes = Files.readAllBytes(shard);
		final ByteBuffer index = ByteBuffer.wrap(bytes, bytes.length - 65540, 65536).slice().order(
				ByteOrder.LITTLE_ENDIAN);
		final int entry = (1 * 16 + 2) * 16 + 3;
		final long offset = index.getLong(entry * 16);
		final long length = index.getLong(entry * 16 + 8);
		Arrays.fill(bytes, (int) offset, (int) (offset + length), (byte) 0x55);
		Files.write(shard, bytes);
		final CodecException e = assertThrows(CodecException.class, () -> open(copy).read(new Region(new long[] { 4,
				8, 12 }, new long[] { 4, 4, 4 })));
		assertTrue(e.getMessage().startsWith("cannot decode inner chunk [1, 2, 3] of shard " + shard.toUri() + " ("
				+ "sharding_indexed(index at end: bytes(little) / crc32c; inner: bytes / zstd(level=3, checksum))): "),
				e.getMessage());
	}

	@Test
	void aShardThatVanishesAfterItsIndexWasReadIsAnErrorNotFillValue(@TempDir final Path dir) throws IOException {
		final Path copy = Directories.copy(s0(), dir.resolve("s0"));
		final ChunkedArray array = open(copy);
		array.read(new Region(new long[3], new long[] { 1, 1, 1 }));
		final Path shard = copy.resolve("c/0/0/0");
		Files.delete(shard);
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> array.read(new Region(
				new long[] { 8, 8, 8 }, new long[] { 1, 1, 1 })));
		assertEquals("shard " + shard.toUri() + " vanished after its index was read, before inner chunk [2, 2, 2] "
				+ "could be", e.getMessage());
	}

	@Test
	void anEmptyEntryNeedsBothHalvesAndIndexCodecsMustNotCompress(@TempDir final Path dir) throws IOException {
		final Path copy = Directories.copy(s0(), dir.resolve("s0"));
		final Path shard = copy.resolve("c/0/0/0");
		final byte[] bytes = Files.readAllBytes(shard);
		final int at = bytes.length - 65540;
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(at + 16 * 5, -1L);
		final CRC32C crc = new CRC32C();
		crc.update(bytes, at, 65536);
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4, (int) crc.getValue());
		Files.write(shard, bytes);
		final CodecException e = assertThrows(CodecException.class, () -> open(copy).read(new Region(new long[3],
				new long[] { 1, 1, 1 })));
		assertTrue(e.getMessage().contains("is corrupt: it places inner chunk [0, 0, 5] at offset "
				+ "18446744073709551615"), e.getMessage());
		assertRefused(dir, "compressed-index", s -> s.withArray("index_codecs").addObject().put("name", "gzip")
				.putObject("configuration").put("level", 1), "compress the index");
	}

	@Test
	void shardingThisReaderCannotHonourIsAClearError(@TempDir final Path dir) throws IOException {
		assertRefused(dir, "nested", s -> s.withArray("codecs").insertObject(0).put("name", "sharding_indexed"),
				"nested sharding (sharding_indexed inside a shard's codecs) is not supported");
		assertRefused(dir, "unknown-inner", s -> ((ObjectNode) s.withArray("codecs").get(1)).put("name", "lzma"),
				"the codec 'lzma' is not supported");
		assertRefused(dir, "indivisible", s -> s.putArray("chunk_shape").add(5).add(4).add(4),
				"sharding_indexed chunk_shape [5, 4, 4] does not divide the shard shape [64, 64, 64]");
		assertRefused(dir, "location", s -> s.put("index_location", "middle"),
				"index_location 'middle' is neither \"start\" nor \"end\"");
		final Path copy = Directories.copy(s0(), dir.resolve("with-transpose"));
		final ObjectNode m = (ObjectNode) Json.mapper().readTree(copy.resolve("zarr.json").toFile());
		m.withArray("codecs").insertObject(0).put("name", "transpose").putArray("order").add(0).add(1).add(2);
		Files.write(copy.resolve("zarr.json"), Json.mapper().writeValueAsBytes(m));
		final FormatException e = assertThrows(FormatException.class, () -> open(copy));
		assertTrue(e.getMessage().contains("combine sharding_indexed with other codecs"), e.getMessage());
	}

	/** Copies the miniature's s0, edits its sharding configuration and checks that opening it fails naming why. */
	private static void assertRefused(final Path dir, final String name, final Consumer<ObjectNode> edit,
			final String message) throws IOException {
		final Path copy = Directories.copy(s0(), dir.resolve(name));
		final ObjectNode m = (ObjectNode) Json.mapper().readTree(copy.resolve("zarr.json").toFile());
		edit.accept((ObjectNode) m.get("codecs").get(0).get("configuration"));
		Files.write(copy.resolve("zarr.json"), Json.mapper().writeValueAsBytes(m));
		final FormatException e = assertThrows(FormatException.class, () -> open(copy));
		assertTrue(e.getMessage().contains(copy.resolve("zarr.json").toUri().toString()) && e.getMessage().contains(
				message), e.getMessage());
	}

	/** The first matrix array with its index at the start (or end) and with (or without) a crc32c on it. */
	private static JsonNode entry(final boolean atStart, final boolean checksum) throws IOException {
		for (final JsonNode e : Fixtures.index("zarr3-sharded/index.json")) {
			final JsonNode sharding = e.get("codecs").get(0).get("configuration");
			if (sharding.get("index_location").asText().equals(atStart ? "start" : "end") && sharding.get(
					"index_codecs").toString().contains("crc32c") == checksum)
				return e;
		}
		throw new IllegalStateException("no such fixture");
	}

	/** The stored shard of an array at shard position 0,0,0, whatever its key encoding. */
	private static Path firstShard(final Path array) {
		for (final String key : List.of("c/0/0/0", "c.0.0.0", "0.0.0", "0/0/0"))
			if (Files.exists(array.resolve(key)))
				return array.resolve(key);
		throw new IllegalStateException("no shard 0,0,0 in " + array);
	}
}
