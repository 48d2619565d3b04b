package org.openorganelle.fiji.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;

/** The worked example {@code scripts/examples/export-two-levels.ijm} and what it must export. */
final class ExampleMacro {

	/** The macro file. */
	static final Path FILE = Paths.get("scripts", "examples", "export-two-levels.ijm");

	private static final String ARRAY = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16";

	private ExampleMacro() {
	}

	/** Asserts that {@code out} holds the four files of levels s2 and s3, byte-identical to zarr-python's read. */
	static void assertExported(final Path out) throws IOException {
		final List<Path> written = Directories.files(out);
		assertEquals(4, written.size(), written.toString());
		for (final String level : List.of("s2", "s3"))
			assertArrayEquals(NpyFile.read(Fixtures.bucketExpected().resolve(ARRAY).resolve(level + ".npy")).data,
					NpyFile.read(written.stream().filter(p -> p.getFileName().toString().startsWith("fibsem-int16_"
							+ level)).findFirst().get()).data, level);
	}
}
