package org.openorganelle.fiji.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openorganelle.fiji.OpenOrganelleException;

class FileStoreTest {

	@TempDir
	Path dir;

	private Path root;
	private FileStore store;

	@BeforeEach
	void writeTree() throws IOException {
		root = dir.resolve("data.zarr");
		Files.createDirectories(root.resolve("s0/0/0"));
		Files.createDirectories(root.resolve("s1"));
		write(".zattrs", "{}");
		write("s0/.zarray", "{\"zarr_format\":2}");
		write("s0/0/0/0", "chunk");
		Files.write(dir.resolve("secret.txt"), "outside".getBytes(StandardCharsets.UTF_8));
		store = new FileStore(root);
	}

	@Test
	void getReadsFiles() {
		assertArrayEquals(bytes("{\"zarr_format\":2}"), store.get("s0/.zarray").get());
		assertArrayEquals(bytes("chunk"), store.get("s0/0/0/0").get());
	}

	@Test
	void missingFilesDirectoriesAndKeysBelowFilesAreAbsent() {
		assertEquals(Optional.empty(), store.get("s0/0/0/1"));
		assertEquals(Optional.empty(), store.get("nope/.zarray"));
		assertEquals(Optional.empty(), store.get("s0"));
		assertEquals(Optional.empty(), store.get("s0/.zarray/x"));
		assertEquals(Optional.empty(), new FileStore(dir.resolve("missing")).get(".zattrs"));
	}

	@Test
	void listSplitsDirectoriesAndFiles() {
		final Listing top = store.list("");
		assertEquals(List.of("s0", "s1"), top.prefixes());
		assertEquals(List.of(".zattrs"), top.objects());
		final Listing s0 = store.list("s0/");
		assertEquals(List.of("0"), s0.prefixes());
		assertEquals(List.of(".zarray"), s0.objects());
		assertEquals(s0.prefixes(), store.list("s0").prefixes());
		assertTrue(store.list("s1").isEmpty());
		assertTrue(store.list("nope").isEmpty());
		assertTrue(store.list("s0/.zarray").isEmpty());
	}

	@Test
	void uriIsAFileUri() {
		assertEquals(root.resolve("s0/.zarray").toUri().toString(), store.uri("s0/.zarray"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "../secret.txt", "s0/../../secret.txt", "/etc/passwd", "..", "s0\\..\\..\\secret.txt",
		"s0//.zarray", "s0/\u0000x" })
	void keysCannotLeaveTheRoot(final String key) {
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> store.get(key));
		assertFalse(e instanceof StoreException, "rejected before any read");
		assertTrue(e.getMessage().contains("key"), e.getMessage());
		assertThrows(OpenOrganelleException.class, () -> store.list(key));
		assertThrows(OpenOrganelleException.class, () -> store.uri(key));
	}

	@Test
	void unreadableFileIsAnError() throws IOException {
		final Path file = root.resolve("s0/0/0/0");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		assumeFalse(Files.isReadable(file), "the file system lets this user read any file (root)");
		final StoreException e = assertThrows(StoreException.class, () -> store.get("s0/0/0/0"));
		assertFalse(e.isRetryable());
		assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
		assertTrue(e.getMessage().contains(file.toUri().toString()), e.getMessage());
	}

	private void write(final String key, final String content) throws IOException {
		Files.write(root.resolve(key), bytes(content));
	}

	private static byte[] bytes(final String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
