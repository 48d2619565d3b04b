package org.openorganelle.fiji.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;

/** Runs {@code scripts/examples/list-and-export-region.groovy} as Fiji's script editor would, with preset variables. */
class GroovyExampleTest {

	@Test
	void listsTheArraysAndExportsTheRegion(@TempDir final Path out) throws Exception {
		final Binding binding = new Binding();
		final StringWriter printed = new StringWriter();
		binding.setVariable("out", new PrintWriter(printed, true));
		binding.setVariable("output", out.toString());
		binding.setVariable("endpoint", PublicBucket.server().endpoint().toString());
		binding.setVariable("level", "s2");
		binding.setVariable("region", "1:9,2:12,3:15");
		new GroovyShell(binding).evaluate(Paths.get("scripts", "examples", "list-and-export-region.groovy").toFile());
		assertTrue(printed.toString().contains("recon-2/em/fibsem-int16  EM  [s0, s1, s2, s3]"), printed.toString());
		assertTrue(printed.toString().contains("recon-2/labels/inference/segmentations/nuc  labels"), printed.toString());
		final List<Path> files;
		try (Stream<Path> s = Files.list(out)) {
			files = s.sorted().collect(Collectors.toList());
		}
		assertEquals(2, files.size(), files.toString());
		final NpyFile npy = NpyFile.read(files.get(0));
		assertArrayEquals(new long[] { 8, 10, 12 }, npy.shape);
		final byte[] whole = NpyFile.read(Fixtures.bucketExpected().resolve(
				"jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/em/fibsem-int16/s2.npy")).data;
		final byte[] expected = new byte[8 * 10 * 12 * 2];
		for (int z = 0; z < 8; z++)
			for (int y = 0; y < 10; y++)
				System.arraycopy(whole, (((z + 1) * 18 + y + 2) * 20 + 3) * 2, expected, (z * 10 + y) * 12 * 2, 12 * 2);
		assertArrayEquals(expected, npy.data);
		assertTrue(printed.toString().contains("wrote " + files.get(0)), printed.toString());
	}
}
