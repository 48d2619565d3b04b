package org.openorganelle.fiji.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests {@link BloscDecompressor} against frames written by numcodecs / c-blosc 1.x
 * (made by {@code scripts/fixtures/make_blosc_vectors.py}), against hand-made and
 * damaged frames, and with a small deterministic fuzz loop.
 */
class BloscDecompressorTest {

	private static final String FIXTURES = "/fixtures/blosc/";

	private static final int HEADER_SIZE = 16;

	/** One entry of {@code vectors.json}: how a frame was made and what it decodes to. */
	record Vector(String name, String cname, String shuffle, int typesize, int blocksize, String kind, int rawLength,
		String sha256)
	{

		static Vector of(final JsonNode node) {
			return new Vector(node.get("name").asText(), node.get("cname").asText(), node.get("shuffle").asText(),
				node.get("typesize").asInt(), node.get("blocksize").asInt(), node.get("kind").asText(),
				node.get("rawLength").asInt(), node.get("sha256").asText());
		}

		byte[] frame() {
			return fixture(name + ".blosc");
		}
	}

	private static List<Vector> vectorList;

	/** Shared across vectors to check that scratch state carries nothing from one frame to the next. */
	private static final BloscDecompressor SHARED = new BloscDecompressor();

	static synchronized List<Vector> vectorList() {
		if (vectorList == null) {
			try {
				final JsonNode index = new ObjectMapper().readTree(fixture("vectors.json"));
				final List<Vector> list = new ArrayList<>();
				index.get("vectors").forEach(node -> list.add(Vector.of(node)));
				vectorList = List.copyOf(list);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return vectorList;
	}

	static Stream<Arguments> vectors() {
		return vectorList().stream().map(v -> Arguments.of(Named.of(v.name(), v)));
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void decodesNumcodecsFrame(final Vector vector) {
		final byte[] frame = vector.frame();
		final byte[] out = new byte[vector.rawLength()];
		new BloscDecompressor().decompress(frame, 0, frame.length, out, 0, out.length);
		assertEquals(vector.sha256(), sha256(out, 0, out.length), "decoded bytes differ from what numcodecs encoded");
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void decodesFrameAtOffsetsWithinLargerArraysAndReusedDecompressor(final Vector vector) {
		final byte[] frame = vector.frame();
		final int srcOff = 5;
		final int dstOff = 3;
		final byte[] src = new byte[srcOff + frame.length + 9];
		Arrays.fill(src, (byte) 0x5a);
		System.arraycopy(frame, 0, src, srcOff, frame.length);
		final byte[] dst = new byte[dstOff + vector.rawLength() + 7];
		Arrays.fill(dst, (byte) 0x77);
		SHARED.decompress(src, srcOff, frame.length, dst, dstOff, vector.rawLength());
		assertEquals(vector.sha256(), sha256(dst, dstOff, vector.rawLength()));
		for (int i = 0; i < dstOff; i++) {
			assertEquals(0x77, dst[i], "byte before the output was written");
		}
		for (int i = dstOff + vector.rawLength(); i < dst.length; i++) {
			assertEquals(0x77, dst[i], "byte after the output was written");
		}
	}

	@Test
	void vectorsCoverEveryCompressorShuffleTypesizeAndBlockLayout() {
		final List<Vector> vectors = vectorList();
		assertEquals(Set.of("blosclz", "lz4", "lz4hc", "snappy", "zlib", "zstd"), collect(vectors, Vector::cname));
		assertEquals(Set.of("noshuffle", "shuffle", "bitshuffle"), collect(vectors, Vector::shuffle));
		assertTrue(collect(vectors, Vector::typesize).containsAll(Set.of(1, 2, 3, 4, 8, 16)));
		assertTrue(collect(vectors, Vector::blocksize).containsAll(Set.of(0, 256, 4096)));
		final Set<String> layouts = new TreeSet<>();
		for (final Vector vector : vectors) {
			final ByteBuffer header = ByteBuffer.wrap(vector.frame()).order(ByteOrder.LITTLE_ENDIAN);
			final int flags = header.get(2) & 0xff;
			final int typesize = header.get(3) & 0xff;
			if ((flags & 0x02) != 0) {
				layouts.add("memcpyed");
				continue;
			}
			layouts.add((flags & 0x10) != 0 ? "not split" : typesize > 1 ? "split" : "single stream");
			layouts.add((flags & 0x01) != 0 ? "byte shuffle" : (flags & 0x04) != 0 ? "bit shuffle" : "no shuffle");
			if (header.getInt(4) % header.getInt(8) != 0) {
				layouts.add("leftover block");
			}
		}
		assertEquals(Set.of("memcpyed", "not split", "split", "single stream", "byte shuffle", "bit shuffle",
			"no shuffle", "leftover block"), layouts);
	}

	@Test
	void ignoresBytesAfterTheFrame() {
		final Vector vector = vector("lz4-shuffle-t4-b256-smooth");
		final byte[] frame = Arrays.copyOf(vector.frame(), vector.frame().length + 20);
		final byte[] out = new byte[vector.rawLength()];
		new BloscDecompressor().decompress(frame, 0, frame.length, out, 0, out.length);
		assertEquals(vector.sha256(), sha256(out, 0, out.length));
	}

	// ---- malformed frames ----

	@Test
	void rejectsTruncatedHeader() {
		final byte[] frame = compressedFrame();
		assertMessage(decodeFails(frame, 10, rawLengthOf(frame)), "truncated header", "10 bytes");
		assertMessage(decodeFails(new byte[0], 0, 0), "truncated header", "0 bytes");
	}

	@Test
	void rejectsCbytesLargerThanInput() {
		final byte[] frame = compressedFrame();
		assertMessage(decodeFails(frame, frame.length - 1, rawLengthOf(frame)), "cbytes " + frame.length,
			"larger than the " + (frame.length - 1) + "-byte input");
	}

	@Test
	void rejectsCbytesSmallerThanHeader() {
		final byte[] frame = compressedFrame();
		putInt(frame, 12, 8);
		assertMessage(decodeFails(frame), "cbytes 8", "smaller than the 16-byte header");
	}

	@Test
	void rejectsDecodedSizeOtherThanExpected() {
		final byte[] frame = compressedFrame();
		final int raw = rawLengthOf(frame);
		assertMessage(decodeFails(frame, frame.length, raw + 1), "nbytes " + raw, "expected decoded size " + (raw + 1));
		assertMessage(decodeFails(frame, frame.length, raw - 1), "nbytes " + raw, "expected decoded size " + (raw - 1));
	}

	@Test
	void rejectsBlockOffsetOutsideTheFrame() {
		final byte[] frame = compressedFrame();
		putInt(frame, HEADER_SIZE + 4, frame.length + 100);
		assertMessage(decodeFails(frame), "block 1 offset " + (frame.length + 100), "outside the data area");
	}

	@Test
	void rejectsBlockOffsetInsideTheOffsetTable() {
		final byte[] frame = compressedFrame();
		putInt(frame, HEADER_SIZE, 4);
		assertMessage(decodeFails(frame), "block 0 offset 4", "outside the data area");
	}

	@Test
	void rejectsOffsetTableLongerThanTheFrame() {
		final byte[] frame = compressedFrame();
		putInt(frame, 8, 1);
		assertMessage(decodeFails(frame), "offset table of " + rawLengthOf(frame) + " blocks", "runs past the end");
	}

	@ParameterizedTest
	@ValueSource(ints = { Integer.MAX_VALUE, -1 })
	void rejectsStreamSizeOutOfRange(final int size) {
		final byte[] frame = compressedFrame();
		putInt(frame, getInt(frame, HEADER_SIZE), size);
		assertMessage(decodeFails(frame), "stream 0 of block 0 has compressed size " + size, "bytes of the frame are left");
	}

	@Test
	void rejectsStreamSizeFieldPastTheFrameEnd() {
		final byte[] frame = compressedFrame();
		putInt(frame, HEADER_SIZE, frame.length - 2);
		assertMessage(decodeFails(frame), "size of stream 0 of block 0", "past the end of the frame");
	}

	@ParameterizedTest
	@ValueSource(ints = { 5, 6, 7 })
	void rejectsUnknownCompressorCode(final int code) {
		final byte[] frame = compressedFrame();
		frame[2] = (byte) ((frame[2] & 0x1f) | code << 5);
		assertMessage(decodeFails(frame), "unknown compressor code " + code);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 3, 5 })
	void rejectsUnsupportedFormatVersion(final int version) {
		final byte[] frame = compressedFrame();
		frame[0] = (byte) version;
		assertMessage(decodeFails(frame), "unsupported format version " + version);
	}

	@Test
	void rejectsUnsupportedCompressorFormatVersion() {
		final byte[] frame = compressedFrame();
		frame[1] = 2;
		assertMessage(decodeFails(frame), "unsupported lz4 format version 2");
	}

	@Test
	void rejectsReservedFlag() {
		final byte[] frame = compressedFrame();
		frame[2] |= 0x08;
		assertMessage(decodeFails(frame), "reserved header flag 0x08");
	}

	@Test
	void rejectsByteAndBitShuffleTogether() {
		final byte[] frame = compressedFrame();
		frame[2] |= 0x05;
		assertMessage(decodeFails(frame), "both byte- and bit-shuffle");
	}

	@Test
	void rejectsTypesizeZero() {
		final byte[] frame = compressedFrame();
		frame[3] = 0;
		assertMessage(decodeFails(frame), "typesize 0");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -256 })
	void rejectsInvalidBlockSize(final int blocksize) {
		final byte[] frame = compressedFrame();
		putInt(frame, 8, blocksize);
		assertMessage(decodeFails(frame), "invalid block size " + blocksize);
	}

	@Test
	void rejectsBlockThatCannotBeSplitIntoStreams() {
		final byte[] frame = compressedFrame();
		frame[2] &= ~0x10;
		putInt(frame, 8, 258);
		assertMessage(decodeFails(frame), "block 0 of 258 bytes cannot be split into 4 streams");
	}

	@Test
	void rejectsMemcpyedFrameWithWrongCbytes() {
		final Vector vector = vector("lz4-shuffle-t4-b0-random");
		final byte[] frame = Arrays.copyOf(vector.frame(), vector.frame().length + 1);
		assertTrue((frame[2] & 0x02) != 0, "fixture should be memcpyed");
		putInt(frame, 12, frame.length);
		assertMessage(decodeFails(frame, frame.length, vector.rawLength()), "memcpyed frame has cbytes " + frame.length,
			"nbytes + 16 = " + (frame.length - 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "blosclz", "lz4", "snappy", "zlib", "zstd" })
	void reportsCorruptCompressedStream(final String cname) {
		final byte[] frame = vector(cname + "-noshuffle-t1-b256-runs").frame();
		assertFalse((frame[2] & 0x02) != 0, "fixture should not be memcpyed");
		final int stream = getInt(frame, HEADER_SIZE);
		final int size = getInt(frame, stream);
		assertTrue(size < 256, "fixture's first stream should be compressed");
		Arrays.fill(frame, stream + 4, stream + 4 + size, (byte) 0xff);
		assertMessage(decodeFails(frame), cname + " stream 0 of block 0 is corrupt");
	}

	@Test
	void reportsStreamThatDecodesShort() {
		final byte[] literals = new byte[33];
		literals[0] = 31;
		final byte[] frame = frame(0, 1, 300, literals);
		assertMessage(decodeFails(frame), "blosclz stream 0 of block 0 decoded to 32 bytes, expected 300");
	}

	@Test
	void reportsZlibStreamThatDecodesShort() {
		final byte[] frame = frame(3, 1, 300, deflate(new byte[200]));
		assertMessage(decodeFails(frame), "zlib stream 0 of block 0 decoded to 200 bytes, expected 300");
	}

	@Test
	void reportsZlibStreamThatDecodesLong() {
		final byte[] frame = frame(3, 1, 300, deflate(new byte[400]));
		assertMessage(decodeFails(frame), "zlib stream 0 of block 0 is corrupt", "decodes to more than 300 bytes");
	}

	@Test
	void reportsTruncatedZlibStream() {
		final byte[] data = new byte[300];
		new Random(7).nextBytes(data);
		final byte[] deflated = deflate(data);
		final byte[] frame = frame(3, 1, 300, Arrays.copyOf(deflated, deflated.length / 2));
		assertMessage(decodeFails(frame), "zlib stream 0 of block 0 is corrupt", "ends early");
	}

	@Test
	void decodesHandMadeFrameWithRawStream() {
		final byte[] raw = new byte[300];
		new Random(3).nextBytes(raw);
		final byte[] frame = frame(4, 1, 300, raw);
		final byte[] out = new byte[300];
		new BloscDecompressor().decompress(frame, 0, frame.length, out, 0, out.length);
		assertArrayEquals(raw, out);
	}

	// ---- blosclz tokens ----

	@Test
	void blosclzDecodesLiteralsNearOverlappingAndRunMatches() {
		final byte[] stream = {
			// first literal run: 3 bytes; the top 3 bits of the first byte are ignored
			0x20 | 2, 'a', 'b', 'c',
			// match of 3 bytes from distance 3
			0x20, 2,
			// match of 5 bytes from distance 2 (overlaps its own output)
			(byte) 0x60, 1,
			// literal run of 1 byte
			0, 'x',
			// match of 4 bytes from distance 1 (a run)
			0x40, 0,
			// literal run of 1 byte
			0, 'y' };
		assertArrayEquals("abcabcbcbcbxxxxxy".getBytes(), blosclz(stream, 17));
	}

	@Test
	void blosclzDecodesExtendedLengthAndFarDistance() {
		final int distance = 8300;
		final int matchLength = 3 + 6 + 255 + 40;
		final Random random = new Random(11);
		final byte[] literals = new byte[distance];
		random.nextBytes(literals);
		final ByteBuffer stream = ByteBuffer.allocate(distance + distance / 32 + 16);
		for (int pos = 0; pos < distance; pos += 32) {
			final int run = Math.min(32, distance - pos);
			stream.put((byte) (run - 1)).put(literals, pos, run);
		}
		final int far = distance - 8192;
		stream.put((byte) 0xff).put((byte) 255).put((byte) 40).put((byte) 255).put((byte) (far >> 8))
			.put((byte) far).put((byte) 0).put((byte) '!');
		final byte[] out = blosclz(Arrays.copyOf(stream.array(), stream.position()), distance + matchLength + 1);
		assertArrayEquals(literals, Arrays.copyOf(out, distance));
		assertArrayEquals(Arrays.copyOf(literals, matchLength), Arrays.copyOfRange(out, distance, distance + matchLength));
		assertEquals('!', out[out.length - 1]);
	}

	@Test
	void blosclzRejectsMatchBeforeTheStart() {
		final byte[] stream = { 1, 'a', 'b', 0x20, 5 };
		final CodecException e = assertThrows(CodecException.class, () -> blosclz(stream, 5));
		assertTrue(e.getMessage().contains("match distance 6 at output offset 2 reaches before the start"),
			e.getMessage());
	}

	@Test
	void blosclzRejectsLiteralRunPastTheInput() {
		final byte[] stream = { 5, 'a', 'b' };
		final CodecException e = assertThrows(CodecException.class, () -> blosclz(stream, 6));
		assertTrue(e.getMessage().contains("literal run of 6 bytes"), e.getMessage());
	}

	// ---- fuzzing ----

	@Test
	void truncatedFramesAlwaysFailWithCodecException() {
		final Random random = new Random(20240611L);
		for (final Vector vector : fuzzVectors()) {
			final byte[] frame = vector.frame();
			final BloscDecompressor decompressor = new BloscDecompressor();
			final byte[] out = new byte[vector.rawLength()];
			for (int i = 0; i < 30; i++) {
				final int length = random.nextInt(frame.length);
				final CodecException e = assertThrows(CodecException.class,
					() -> decompressor.decompress(frame, 0, length, out, 0, out.length),
					vector.name() + " truncated to " + length);
				assertTrue(e.getMessage().startsWith("blosc:"), e.getMessage());
			}
		}
	}

	@Test
	void damagedFramesDecodeOrFailWithCodecException() {
		final Random random = new Random(424242L);
		for (final Vector vector : fuzzVectors()) {
			final byte[] original = vector.frame();
			final BloscDecompressor decompressor = new BloscDecompressor();
			final byte[] out = new byte[vector.rawLength()];
			for (int i = 0; i < 60; i++) {
				final byte[] frame = original.clone();
				final StringBuilder flips = new StringBuilder();
				for (int flip = random.nextInt(4); flip >= 0; flip--) {
					final int bit = random.nextInt(frame.length * 8);
					frame[bit >>> 3] ^= (byte) (1 << (bit & 7));
					flips.append(' ').append(bit);
				}
				try {
					decompressor.decompress(frame, 0, frame.length, out, 0, out.length);
				}
				catch (final CodecException e) {
					assertTrue(e.getMessage().startsWith("blosc:"), e.getMessage());
				}
				catch (final RuntimeException e) {
					fail(vector.name() + " with bits" + flips + " flipped threw " + e, e);
				}
			}
		}
	}

	/** Every third vector: all compressors, shuffles and layouts, while keeping the loop short. */
	private static List<Vector> fuzzVectors() {
		final List<Vector> all = vectorList();
		final List<Vector> chosen = new ArrayList<>();
		for (int i = 0; i < all.size(); i += 3) {
			if (all.get(i).rawLength() > 0) {
				chosen.add(all.get(i));
			}
		}
		return chosen;
	}

	// ---- helpers ----

	/** A multi-block lz4 frame with byte shuffle, typesize 4 and a leftover block. */
	private static byte[] compressedFrame() {
		final byte[] frame = vector("lz4-shuffle-t4-b256-smooth").frame();
		assertEquals(0x30 | 0x01, frame[2] & 0xff, "fixture should be lz4, byte-shuffled, not split");
		return frame;
	}

	/** A one-block frame (typesize 1, no shuffle, not split) holding one stream. */
	private static byte[] frame(final int compressor, final int typesize, final int nbytes, final byte[] stream) {
		final int cbytes = HEADER_SIZE + 4 + 4 + stream.length;
		final ByteBuffer frame = ByteBuffer.allocate(cbytes).order(ByteOrder.LITTLE_ENDIAN);
		frame.put((byte) 2).put((byte) 1).put((byte) (compressor << 5 | 0x10)).put((byte) typesize);
		frame.putInt(nbytes).putInt(nbytes).putInt(cbytes);
		frame.putInt(HEADER_SIZE + 4).putInt(stream.length).put(stream);
		return frame.array();
	}

	private static byte[] blosclz(final byte[] stream, final int outLen) {
		final byte[] out = new byte[outLen];
		assertEquals(outLen, BlosclzDecoder.decode(stream, 0, stream.length, out, 0, outLen));
		return out;
	}

	private static byte[] deflate(final byte[] data) {
		final Deflater deflater = new Deflater();
		try {
			deflater.setInput(data);
			deflater.finish();
			final byte[] buffer = new byte[data.length + 64];
			final int length = deflater.deflate(buffer);
			assertTrue(deflater.finished());
			return Arrays.copyOf(buffer, length);
		}
		finally {
			deflater.end();
		}
	}

	private static CodecException decodeFails(final byte[] frame) {
		return decodeFails(frame, frame.length, rawLengthOf(frame));
	}

	private static CodecException decodeFails(final byte[] frame, final int srcLen, final int dstLen) {
		final byte[] out = new byte[dstLen];
		return assertThrows(CodecException.class,
			() -> new BloscDecompressor().decompress(frame, 0, srcLen, out, 0, dstLen));
	}

	private static void assertMessage(final CodecException e, final String... fragments) {
		final String message = e.getMessage();
		assertTrue(message.startsWith("blosc: "), message);
		for (final String fragment : fragments) {
			assertTrue(message.contains(fragment), "message should contain '" + fragment + "': " + message);
		}
	}

	private static Vector vector(final String name) {
		return vectorList().stream().filter(v -> v.name().equals(name)).findFirst()
			.orElseThrow(() -> new AssertionError("no vector " + name));
	}

	private static <T> Set<T> collect(final List<Vector> vectors, final Function<Vector, T> field) {
		return vectors.stream().map(field).collect(Collectors.toSet());
	}

	private static int rawLengthOf(final byte[] frame) {
		return getInt(frame, 4);
	}

	private static int getInt(final byte[] frame, final int offset) {
		return ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt(offset);
	}

	private static void putInt(final byte[] frame, final int offset, final int value) {
		ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
	}

	private static byte[] fixture(final String name) {
		try (InputStream in = BloscDecompressorTest.class.getResourceAsStream(FIXTURES + name)) {
			if (in == null) {
				throw new AssertionError("missing test resource " + FIXTURES + name);
			}
			return in.readAllBytes();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String sha256(final byte[] data, final int off, final int len) {
		try {
			final MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(data, off, len);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (final NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}
}
