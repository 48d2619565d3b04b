package org.openorganelle.fiji.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.testing.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdCompressCtx;

/**
 * The native and the pure-Java zstd decoders give the same bytes for every zstd chunk of the
 * fixture matrix (written by numcodecs' libzstd, levels 1 and 6), and both refuse truncated
 * frames and frames whose content checksum does not match.
 */
class ZstdDecodersTest {

	/** A chunk file of a zstd array and its decoded size. */
	private static final class Chunk {
		final Path file;
		final int size;

		Chunk(final Path file, final int size) {
			this.file = file;
			this.size = size;
		}
	}

	private static List<Chunk> zstdChunks() throws IOException {
		final List<Chunk> chunks = new ArrayList<>();
		try (Stream<Path> arrays = Files.list(Fixtures.matrix())) {
			for (final Path array : arrays.filter(p -> p.getFileName().toString().contains("__zstd") && Files
					.isDirectory(p)).collect(Collectors.toList())) {
				final JsonNode zarray = Json.mapper().readTree(array.resolve(".zarray").toFile());
				int size = DataType.parse(zarray.get("dtype").asText()).size();
				for (final JsonNode n : zarray.get("chunks"))
					size *= n.asInt();
				try (Stream<Path> files = Files.walk(array)) {
					for (final Path file : files.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString()
							.startsWith(".")).collect(Collectors.toList()))
						chunks.add(new Chunk(file, size));
				}
			}
		}
		return chunks;
	}

	private static byte[] decode(final ZstdFrames decoder, final byte[] frame, final int size) {
		final byte[] out = new byte[size];
		assertEquals(size, decoder.decode(frame, 0, frame.length, out, 0, size));
		return out;
	}

	@Test
	void nativeIsChosenHereUnlessPureJavaIsAskedFor() {
		if (Boolean.getBoolean(ZstdDecoders.PURE_JAVA_PROPERTY)) {
			assertFalse(ZstdDecoders.isNative());
			assertEquals("zstd decoded in pure Java (aircompressor): " + ZstdDecoders.PURE_JAVA_PROPERTY + "=true",
					ZstdDecoders.description());
		} else {
			assertTrue(ZstdDecoders.isNative(), "zstd-jni bundles libzstd for this platform: "
					+ ZstdDecoders.description());
			assertEquals("zstd decoded by native libzstd (zstd-jni)", ZstdDecoders.description());
		}
	}

	@Test
	void bothDecodersGiveTheSameBytesForEveryZstdChunkOfTheMatrix() throws IOException {
		final List<Chunk> chunks = zstdChunks();
		assertTrue(chunks.size() > 50, chunks.size() + " chunks");
		final ZstdFrames nativeZstd = new NativeZstdFrames();
		final ZstdFrames pureJava = new PureJavaZstdFrames();
		for (final Chunk chunk : chunks) {
			final byte[] frame = Files.readAllBytes(chunk.file);
			assertArrayEquals(decode(pureJava, frame, chunk.size), decode(nativeZstd, frame, chunk.size), chunk.file
					.toString());
		}
	}

	@Test
	void bothRefuseTruncatedFrames() throws IOException {
		for (final ZstdFrames decoder : List.of(new NativeZstdFrames(), new PureJavaZstdFrames()))
			for (final Chunk chunk : zstdChunks()) {
				final byte[] frame = Files.readAllBytes(chunk.file);
				final byte[] truncated = Arrays.copyOf(frame, frame.length / 2);
				final String what = decoder.getClass().getSimpleName() + " " + chunk.file;
				assertTrue(assertThrows(CodecException.class, () -> decode(decoder, truncated, chunk.size), what)
						.getMessage().startsWith("zstd: corrupt or truncated data"), what);
			}
	}

	/**
	 * The fixtures carry no content checksum (numcodecs 0.11 writes none), so this frame is
	 * written here, by libzstd with its checksum flag set: it decodes, and with one bit of its
	 * checksum flipped both decoders refuse it.
	 */
	@Test
	void bothVerifyTheContentChecksum() {
		final byte[] data = new byte[4096];
		for (int i = 0; i < data.length; i++)
			data[i] = (byte) (i * 31 % 251);
		final byte[] frame;
		try (ZstdCompressCtx compressor = new ZstdCompressCtx()) {
			frame = compressor.setLevel(6).setChecksum(true).compress(data);
		}
		final byte[] wrongChecksum = frame.clone();
		wrongChecksum[frame.length - 1] ^= 1;
		for (final ZstdFrames decoder : List.of(new NativeZstdFrames(), new PureJavaZstdFrames())) {
			final String what = decoder.getClass().getSimpleName();
			assertArrayEquals(data, decode(decoder, frame, data.length), what);
			assertThrows(CodecException.class, () -> decode(decoder, wrongChecksum, data.length), what);
		}
	}
}
