package org.openorganelle.fiji.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;
import org.openorganelle.fiji.testing.SciJavaRun;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.log.LogListener;
import org.scijava.log.LogService;
import org.scijava.module.Module;

/** {@link ExportCommand} run by SciJava against the bucket miniature on a loopback S3 server. */
class ExportCommandTest {

	private static final String NACC = "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr/recon-2/";

	private static Context context;

	@BeforeAll
	static void start() {
		context = SciJavaRun.context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static Map<String, Object> inputs(final Path output, final String array, final String level) {
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("dataset", "jrc_mus-nacc-2");
		inputs.put("array", array);
		inputs.put("level", level);
		inputs.put("output", output.toFile());
		inputs.put("endpoint", PublicBucket.server().endpoint().toString());
		return inputs;
	}

	private static byte[] expected(final String path, final String level) throws IOException {
		return NpyFile.read(Fixtures.bucketExpected().resolve(NACC + path).resolve(level + ".npy")).data;
	}


	@Test
	void exportsALevelAndReturnsTheWrittenFiles(@TempDir final Path out) throws Exception {
		final SciJavaRun run = SciJavaRun.run(context, ExportCommand.class,
				inputs(out, "recon-2/em/fibsem-int16", "s2"));
		assertFalse(run.canceled(), run.cancelReason());
		assertEquals(List.of(), run.errors);
		final Path npy = Path.of(run.output("volumes"));
		final Path metadata = Path.of(run.output("metadata"));
		assertTrue(npy.isAbsolute(), npy.toString());
		assertEquals(out.toRealPath(), npy.getParent().toRealPath());
		assertTrue(npy.getFileName().toString().matches("fibsem-int16_s2_[0-9]{8}_[0-9]{6}\\.npy"), npy.toString());
		assertEquals(2, Directories.files(out).size(), Directories.files(out).toString());
		final NpyFile file = NpyFile.read(npy);
		assertEquals("<i2", file.descr);
		assertArrayEquals(new long[] { 10, 18, 20 }, file.shape);
		assertArrayEquals(expected("em/fibsem-int16", "s2"), file.data);
		assertEquals(npy.toString(), Json.mapper().readTree(metadata.toFile()).at("/files/volume").asText());
		assertTrue(run.infos.contains("wrote " + npy + " and " + metadata), run.infos.toString());
	}

	@Test
	void exportsSeveralCommaSeparatedArraysInOrder(@TempDir final Path out) throws Exception {
		final SciJavaRun run = SciJavaRun.run(context, ExportCommand.class,
				inputs(out, "recon-2/em/fibsem-int16, recon-2/labels/inference/segmentations/nuc", "s1"));
		assertFalse(run.canceled(), run.cancelReason());
		final String[] volumes = run.output("volumes").split(",");
		final String[] metadata = run.output("metadata").split(",");
		assertEquals(2, volumes.length);
		assertEquals(2, metadata.length);
		assertArrayEquals(expected("em/fibsem-int16", "s1"), NpyFile.read(Path.of(volumes[0])).data);
		assertArrayEquals(expected("labels/inference/segmentations/nuc", "s1"), NpyFile.read(Path.of(volumes[1])).data);
		for (final String m : metadata)
			assertTrue(Files.isRegularFile(Path.of(m)), m);
		assertEquals(4, Directories.files(out).size());
	}

	@Test
	void anUnknownArrayFailsTheModuleWithTheMessageAndWritesNothing(@TempDir final Path out) throws Exception {
		final SciJavaRun run = SciJavaRun.run(context, ExportCommand.class,
				inputs(out, "recon-2/em/fibsem-int8", "s2"));
		assertTrue(run.canceled());
		assertTrue(run.cancelReason().startsWith("unknown array 'recon-2/em/fibsem-int8' in s3://janelia-cosem-datasets/"
				+ "jrc_mus-nacc-2/jrc_mus-nacc-2.zarr"), run.cancelReason());
		assertTrue(run.cancelReason().contains("recon-2/em/fibsem-int16"), run.cancelReason());
		assertEquals(List.of(run.cancelReason()), run.errors);
		assertNull(run.output("volumes"));
		assertNull(run.output("metadata"));
		assertEquals(List.of(), Directories.files(out));
	}

	/** Runs the export of nacc-2 EM s2 with one input changed. */
	private SciJavaRun runWith(final Path out, final String input, final String value) throws Exception {
		final Map<String, Object> in = inputs(out, "recon-2/em/fibsem-int16", "s2");
		in.put(input, value);
		return SciJavaRun.run(context, ExportCommand.class, in);
	}

	@Test
	void invalidInputsFailWithTheirOwnMessage(@TempDir final Path out) throws Exception {
		final SciJavaRun region = runWith(out, "region", "0:5,0:5");
		assertTrue(region.canceled());
		assertEquals(List.of(region.cancelReason()), region.errors);
		final SciJavaRun endpoint = runWith(out, "endpoint", "localhost:9000");
		assertTrue(endpoint.canceled());
		assertTrue(endpoint.cancelReason().startsWith("invalid endpoint 'localhost:9000'"), endpoint.cancelReason());
		final SciJavaRun limit = runWith(out, "limit", "lots");
		assertTrue(limit.canceled());
		assertEquals("invalid size limit 'lots': give bytes or a size like 500M, 4G, 1T", limit.cancelReason());
		assertEquals(List.of(), Directories.files(out));
	}

	@Test
	void theSizeLimitRefusesLargerExportsAndNamesALevelThatFits(@TempDir final Path out) throws Exception {
		final Map<String, Object> in = inputs(out, "recon-2/em/fibsem-int16", "s0");
		in.put("limit", "100K");
		final SciJavaRun refused = SciJavaRun.run(context, ExportCommand.class, in);
		assertTrue(refused.canceled());
		assertTrue(refused.cancelReason().contains("above the limit of 100 KiB; level s1 is 60.7 kB"), refused
				.cancelReason());
		assertEquals(List.of(), Directories.files(out));
		in.put("limit", "1M");
		final SciJavaRun allowed = SciJavaRun.run(context, ExportCommand.class, in);
		assertFalse(allowed.canceled(), allowed.cancelReason());
		assertEquals(2, Directories.files(out).size());
	}

	@Test
	void aRegionInVoxelsIsExported(@TempDir final Path out) throws Exception {
		final Map<String, Object> in = inputs(out, "recon-2/em/fibsem-int16", "s2");
		in.put("region", "2:4,:,5:");
		final SciJavaRun run = SciJavaRun.run(context, ExportCommand.class, in);
		assertFalse(run.canceled(), run.cancelReason());
		assertArrayEquals(new long[] { 2, 18, 15 }, NpyFile.read(Path.of(run.output("volumes"))).shape);
	}

	@Test
	void cancellingTheRunningModuleStopsTheExportAndLeavesNoFiles(@TempDir final Path out) throws Exception {
		final LogService log = context.service(LogService.class);
		final AtomicReference<Module> running = new AtomicReference<>();
		final LogListener cancelOnStart = message -> {
			if (message.text().startsWith("exporting "))
				((Cancelable) running.get()).cancel("stopped by the user");
		};
		log.addLogListener(cancelOnStart);
		try {
			final SciJavaRun run = SciJavaRun.run(context, ExportCommand.class,
					inputs(out, "recon-2/em/fibsem-int16", "s0"), running::set);
			assertTrue(run.canceled());
			assertEquals("export was cancelled (stopped by the user); no files were written", run.cancelReason());
			assertEquals(List.of(run.cancelReason()), run.errors);
			assertNull(run.output("volumes"));
			assertEquals(List.of(), Directories.files(out));
		} finally {
			log.removeLogListener(cancelOnStart);
		}
	}

	@Test
	void theInputsAreThoseOfTheMacroCommandAndNoneIsRemembered() {
		final CommandInfo info = context.service(CommandService.class).getCommand(ExportCommand.class);
		assertEquals(ExportCommand.TITLE, info.getTitle());
		assertTrue(info.canRunHeadless());
		assertNull(info.getMenuPath().getLeaf());
		final List<String> names = new ArrayList<>();
		info.inputs().forEach(i -> {
			if (!i.getType().getName().startsWith("org.scijava")) {
				names.add(i.getName());
				assertFalse(i.isPersisted(), i.getName());
			}
		});
		assertEquals(List.of("dataset", "array", "level", "output", "region", "workers", "limit", "address",
				"endpoint", "profile"), names);
		assertEquals(File.class, info.getInput("output").getType());
	}
}
