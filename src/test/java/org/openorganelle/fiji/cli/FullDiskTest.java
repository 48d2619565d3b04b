package org.openorganelle.fiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.ReliabilityBucket;

/**
 * An output location that runs out of room mid-export: the command line runs in a shell
 * whose file-size limit ({@code ulimit -f}, 256 KiB) is below the 1.2 MB the export needs,
 * so the kernel refuses the write that crosses it (EFBIG, as a full disk refuses with
 * ENOSPC). The export must end with one line naming the output and the reason, exit 1, and
 * leave no file.
 */
class FullDiskTest {

	@Test
	void aWriteRefusedMidExportGivesOneLineAndLeavesNoFile(@TempDir final Path dir) throws Exception {
		final Path output = Files.createDirectories(dir.resolve("out"));
		final List<String> command = List.of("bash", "-c", "ulimit -f 256 && exec \"$@\"", "limited",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dslf4j.internal.verbosity=ERROR",
				"-Daws.region=us-east-1", "-cp", System.getProperty("java.class.path"), OpenOrganelleCli.class
						.getName(), "export", "--endpoint", ReliabilityBucket.server().endpoint().toString(), "--s3-uri",
				ReliabilityBucket.CONTAINER, "--array", ReliabilityBucket.IMAGE, "--level", "s0", "--output", output
						.toString());
		final Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile())
				.redirectError(dir.resolve("stderr").toFile()).start();
		assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the export did not end");
		final String err = Files.readString(dir.resolve("stderr"));
		assertEquals(OpenOrganelleCli.FAILURE, process.exitValue(), err);
		final List<String> errors = err.lines().filter(l -> l.startsWith("openorganelle: error: ")).collect(Collectors
				.toList());
		assertEquals(1, errors.size(), err);
		assertTrue(errors.get(0).startsWith("openorganelle: error: cannot write the export to " + output), errors.get(
				0));
		assertTrue(errors.get(0).contains("File too large"), errors.get(0));
		assertEquals(List.of(), Directories.files(output), "no .npy, .json or temporary file");
		assertEquals("", Files.readString(dir.resolve("stdout")));
	}
}
