package org.openorganelle.fiji.store;

import java.io.IOException;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * A store on a local directory: keys are paths relative to it. A missing file (or a
 * directory) reads as empty; keys can never reach outside the directory; a file the
 * user may not read is a non-retryable {@link StoreException} saying so.
 */
public final class FileStore implements KeyValueStore {

	private final Path root;

	/** @param root the directory the store is rooted at; need not exist yet */
	public FileStore(final Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public Optional<byte[]> get(final String key) {
		return read(key, "", Files::readAllBytes);
	}

	@Override
	public Optional<byte[]> getRange(final String key, final ByteRange range) {
		return read(key, range + " of ", file -> {
			final String uri = uriOf(file);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				final long start = range.startIn(channel.size(), uri);
				final ByteBuffer buffer = ByteBuffer.allocate(range.length());
				while (buffer.hasRemaining()) {
					if (channel.read(buffer, start + buffer.position()) < 0) {
						throw new StoreException(uri, 0, true, "Cannot read " + range + " of " + uri + ": the file "
								+ "ended after " + buffer.position() + " bytes", null);
					}
				}
				return buffer.array();
			}
		});
	}

	/** Reads (part of) a file; a missing file, or one below a file, is absent. */
	private interface FileRead {
		byte[] read(Path file) throws IOException;
	}

	private Optional<byte[]> read(final String key, final String what, final FileRead read) {
		final Path file = resolve(key);
		if (Files.isDirectory(file)) return Optional.empty();
		try {
			return Optional.of(read.read(file));
		}
		catch (final NoSuchFileException e) {
			return Optional.empty();
		}
		catch (final java.nio.file.AccessDeniedException e) {
			throw denied(file, e);
		}
		catch (final IOException e) {
			if (isBelowAFile(file)) return Optional.empty();
			throw new StoreException(uriOf(file), 0, false, "Cannot read " + what + uriOf(file) + ": " + e.getMessage(),
					e);
		}
	}

	@Override
	public Listing list(final String prefix) {
		final Path dir = resolve(prefix);
		final List<String> prefixes = new ArrayList<>();
		final List<String> objects = new ArrayList<>();
		if (!Files.isDirectory(dir)) return new Listing(prefixes, objects);
		try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
			for (final Path child : children) {
				final String name = child.getFileName().toString();
				if (Files.isDirectory(child)) prefixes.add(name);
				else if (Files.isRegularFile(child)) objects.add(name);
			}
		}
		catch (final java.nio.file.AccessDeniedException e) {
			throw denied(dir, e);
		}
		catch (final IOException e) {
			throw new StoreException(uriOf(dir), 0, false, "Cannot list " + uriOf(dir) + ": " + e.getMessage(), e);
		}
		return new Listing(prefixes, objects);
	}

	@Override
	public String uri(final String key) {
		return uriOf(resolve(key));
	}

	private Path resolve(final String key) {
		final Path path = root.resolve(Keys.check(key)).normalize();
		if (!path.startsWith(root)) {
			throw new OpenOrganelleException("The key \"" + key + "\" resolves outside the store's directory " + root);
		}
		return path;
	}

	/** Whether a parent of the path inside the root is a file ("not a directory" means absent, as on S3). */
	private boolean isBelowAFile(final Path path) {
		for (Path parent = path.getParent(); parent != null && parent.startsWith(root); parent = parent.getParent()) {
			if (Files.isRegularFile(parent)) return true;
		}
		return false;
	}

	private static String uriOf(final Path path) {
		return path.toUri().toString();
	}

	private static StoreException denied(final Path path, final IOException cause) {
		return new StoreException(uriOf(path), 0, false, "Permission denied for " + uriOf(path)
				+ ": check the file permissions", cause);
	}
}
