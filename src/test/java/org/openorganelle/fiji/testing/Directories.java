package org.openorganelle.fiji.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a directory holds, for asserting that exports left exactly the expected files; copies of fixture trees. */
public final class Directories {

	private Directories() {
	}

	/** The entries of a directory, sorted; empty when it does not exist. */
	public static List<Path> files(final Path dir) {
		if (!Files.exists(dir))
			return List.of();
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().collect(Collectors.toList());
		} catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Copies a directory tree (a fixture array or container) to {@code target}, which is returned. */
	public static Path copy(final Path from, final Path target) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) files::iterator) {
				final Path to = target.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p))
					Files.createDirectories(to);
				else
					Files.copy(p, to);
			}
		}
		return target;
	}
}
