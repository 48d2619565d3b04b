package org.openorganelle.fiji.export;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * The pair of files one export writes, named as the original Python loader named them:
 * {@code <name>_<level>_<yyyyMMdd_HHmmss>.npy} and
 * {@code metadata_<name>_<level>_<yyyyMMdd_HHmmss>.json}, with {@code _2}, {@code _3}, …
 * appended to the stem when that name is taken (the same export twice in one second, or
 * several at once). Both are first written under hidden temporary names in the same
 * directory, the .npy's created atomically to reserve the stem, and renamed only when
 * complete; existing files are never overwritten, and an export only ever removes its own
 * temporary files.
 */
final class OutputFiles {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
	/** How many numbered names are tried before giving up. */
	private static final int MAX_SUFFIX = 1000;

	final Path npy;
	final Path metadata;
	final Path npyPart;
	final Path metadataPart;

	private OutputFiles(final Path directory, final String stem) {
		this.npy = directory.resolve(stem + ".npy").toAbsolutePath();
		this.metadata = directory.resolve("metadata_" + stem + ".json").toAbsolutePath();
		this.npyPart = directory.resolve("." + stem + ".npy.part").toAbsolutePath();
		this.metadataPart = directory.resolve(".metadata_" + stem + ".json.part").toAbsolutePath();
	}

	/**
	 * Creates the directory if needed and reserves the first free stem by creating its
	 * (empty) temporary .npy file.
	 *
	 * @throws OpenOrganelleException when the directory cannot be created or written
	 */
	static OutputFiles reserve(final Path directory, final String name, final String level,
			final LocalDateTime time) {
		try {
			Files.createDirectories(directory);
		} catch (final IOException e) {
			throw new OpenOrganelleException("cannot create the output directory " + directory + ": " + reason(e), e);
		}
		if (!Files.isDirectory(directory) || !Files.isWritable(directory))
			throw new OpenOrganelleException("the output directory " + directory + " is not writable");
		final String stem = name + "_" + level + "_" + STAMP.format(time);
		for (int n = 1; n <= MAX_SUFFIX; n++) {
			final OutputFiles files = new OutputFiles(directory, n == 1 ? stem : stem + "_" + n);
			if (Files.exists(files.npy) || Files.exists(files.metadata))
				continue;
			try {
				Files.createFile(files.npyPart);
				return files;
			} catch (final FileAlreadyExistsException taken) {
				continue;
			} catch (final IOException e) {
				throw new OpenOrganelleException("cannot create " + files.npyPart + ": " + reason(e), e);
			}
		}
		throw new OpenOrganelleException("the output directory " + directory + " already holds " + MAX_SUFFIX
				+ " exports named " + stem + "; choose another --output");
	}

	/** Checks that the disk has room for {@code bytes} (plus 1 MiB). */
	void checkSpace(final long bytes) {
		final Path directory = npy.getParent();
		try {
			final long free = Files.getFileStore(directory).getUsableSpace();
			if (free < bytes + (1 << 20))
				throw new OpenOrganelleException("not enough space in " + directory + ": the export needs " + bytes
						+ " bytes, " + free + " are free");
		} catch (final IOException e) {
			throw new OpenOrganelleException("cannot check the free space of " + directory + ": " + reason(e), e);
		}
	}

	/** Renames both temporary files to their final names, or removes everything on failure. */
	void publish() {
		try {
			Files.move(npyPart, npy);
			try {
				Files.move(metadataPart, metadata);
			} catch (final IOException e) {
				Files.deleteIfExists(npy);
				throw e;
			}
		} catch (final FileAlreadyExistsException e) {
			discard();
			throw new OpenOrganelleException(e.getFile() + " appeared during the export; it was not overwritten", e);
		} catch (final IOException e) {
			discard();
			throw new OpenOrganelleException("cannot rename the finished export into " + npy.getParent() + ": "
					+ reason(e), e);
		}
	}

	/** Removes the temporary files (after a failure or cancellation). */
	void discard() {
		for (final Path p : new Path[] { npyPart, metadataPart })
			try {
				Files.deleteIfExists(p);
			} catch (final IOException e) {
				throw new OpenOrganelleException("cannot remove the unfinished file " + p + ": " + reason(e), e);
			}
	}

	private static String reason(final IOException e) {
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " "
				+ e.getMessage();
	}
}
