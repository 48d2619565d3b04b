package org.openorganelle.fiji.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;

/**
 * {@code scripts/imagej} itself, on the packaged jar and {@code target/lib}: {@code -batch}
 * runs a macro, {@code --run} a SciJava command, and each exits 0 on success and 1 when
 * the export fails.
 */
class ImageJScriptIT {

	private static final String EM = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16";

	/** A run's exit code and stderr. */
	private static final class Run {
		final int code;
		final String err;

		Run(final int code, final String err) {
			this.code = code;
			this.err = err;
		}
	}

	private static Run imagej(final Path dir, final String... args) throws Exception {
		final List<String> command = new ArrayList<>(List.of("bash", "scripts/imagej"));
		command.addAll(List.of(args));
		final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile())
				.redirectError(dir.resolve("stderr").toFile());
		builder.environment().put("OPENORGANELLE_JAVA_OPTS", "-Duser.home=" + dir.resolve("home")
				+ " -Djava.util.prefs.userRoot=" + dir.resolve("prefs"));
		final Process process = builder.start();
		assertTrue(process.waitFor(3, TimeUnit.MINUTES), "scripts/imagej did not finish");
		return new Run(process.exitValue(), Files.readString(dir.resolve("stderr")));
	}

	private static void assertLevel(final Path output, final String level) throws Exception {
		final List<Path> files = Directories.files(output);
		assertEquals(2, files.size(), files.toString());
		assertArrayEquals(NpyFile.read(Fixtures.bucketExpected().resolve(EM).resolve(level + ".npy")).data, NpyFile
				.read(files.get(0)).data);
	}

	@Test
	void batchRunsAMacroAndRunRunsTheCommandWithRealExitCodes(@TempDir final Path dir) throws Exception {
		final String endpoint = PublicBucket.server().endpoint().toString();
		final Path macro = Files.writeString(dir.resolve("export.ijm"), "run(\"OpenOrganelle Export...\", "
				+ "\"dataset=jrc_mus-nacc-2 array=recon-2/em/fibsem-int16 \" + getArgument());\n");
		final Run batch = imagej(dir, "--headless", "-batch", macro.toString(), "level=s3 output=" + dir.resolve("m")
				+ " endpoint=" + endpoint);
		assertEquals(0, batch.code, batch.err);
		assertLevel(dir.resolve("m"), "s3");
		final Run failedBatch = imagej(dir, "-batch", macro.toString(), "level=s7 output=" + dir.resolve("none")
				+ " endpoint=" + endpoint);
		assertEquals(1, failedBatch.code, failedBatch.err);
		assertTrue(failedBatch.err.contains("unknown level 's7'"), failedBatch.err);

		final Run run = imagej(dir, "--headless", "--run", "OpenOrganelle Export...", "dataset='jrc_mus-nacc-2',"
				+ "array='recon-2/em/fibsem-int16',level='s2',output='" + dir.resolve("r") + "',endpoint='" + endpoint
				+ "'");
		assertEquals(0, run.code, run.err);
		assertLevel(dir.resolve("r"), "s2");
		final Run failedRun = imagej(dir, "--headless", "--run", "OpenOrganelle Export...", "dataset='jrc_nope-1',"
				+ "array='recon-1/em/fibsem-uint8',output='" + dir.resolve("none") + "',endpoint='" + endpoint + "'");
		assertEquals(1, failedRun.code, failedRun.err);
		assertTrue(failedRun.err.contains("unknown dataset 'jrc_nope-1'"), failedRun.err);
		assertEquals(List.of(), Directories.files(dir.resolve("none")));
	}
}
