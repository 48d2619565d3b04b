package org.openorganelle.fiji.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.export.ExportOptions;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PublicBucket;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

import ij.ImagePlus;
import ij.measure.Calibration;

/** {@link BrowseCommand}'s choices, preview, export and macro line, against the bucket miniature on loopback S3. */
class BrowseCommandTest {

	private static final String NACC = "jrc_mus-nacc-2";
	private static final String EM = "recon-2/em/fibsem-int16";
	private static final String NUC = "recon-2/labels/inference/segmentations/nuc";
	private static final String S2 = "s2 — 10×18×20 int16, 2.96×4×4 nm → 11.84×16×16 nm, 7.20 kB";

	private static Context context;
	private static StoreFactory stores;

	@BeforeAll
	static void start() {
		context = SciJavaRun.context();
		stores = new StoreFactory();
	}

	@AfterAll
	static void stop() {
		stores.close();
		context.dispose();
	}

	private static String endpoint() {
		return PublicBucket.server().endpoint().toString();
	}

	/** A dialog as SciJava creates it, initialised against the loopback server. */
	private static BrowseCommand dialog(final BrowseSession session) throws Exception {
		final BrowseCommand browse = (BrowseCommand) context.service(ModuleService.class)
				.createModule(context.service(CommandService.class).getCommand(BrowseCommand.class));
		browse.session = session;
		browse.setInput("endpoint", endpoint());
		browse.initialize();
		return browse;
	}

	private static BrowseCommand dialog() throws Exception {
		return dialog(BrowseSession.SHARED);
	}

	/** Changes an input as the dialog's widget does: the value, then its callback. */
	private static void change(final BrowseCommand browse, final String input, final Object value) throws Exception {
		browse.setInput(input, value);
		browse.getInfo().getInput(input).callback(browse);
	}

	private static List<String> choices(final BrowseCommand browse, final String input) {
		return browse.getInfo().getInput(input, String.class).getChoices();
	}

	@Test
	void theDatasetsAreListedOnceCatalogueFirst() throws Exception {
		final List<String> requests = Collections.synchronizedList(new ArrayList<>());
		final BrowseSession session = new BrowseSession(stores, requests::add);
		final List<String> fixtures;
		try (Stream<Path> s = Files.list(Fixtures.bucket())) {
			fixtures = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
					.collect(Collectors.toList());
		}
		final List<String> catalogued = DatasetCatalog.bundled().existingDatasets().stream().filter(fixtures::contains)
				.collect(Collectors.toList());
		final List<String> expected = new ArrayList<>(catalogued);
		fixtures.stream().filter(d -> !catalogued.contains(d)).forEach(expected::add);
		assertEquals(7, expected.size());
		assertFalse(catalogued.isEmpty());

		final BrowseCommand first = dialog(session);
		assertEquals(expected, choices(first, "dataset"));
		assertEquals(expected.get(0), first.getInput("dataset"));
		assertEquals(1, bucketListings(requests), requests.toString());
		final int requestsOfFirst = requests.size();
		final BrowseCommand reopened = dialog(session);
		assertEquals(expected, choices(reopened, "dataset"));
		assertEquals(requestsOfFirst, requests.size(), "reopening made requests: " + requests);
	}

	private static long bucketListings(final List<String> requests) {
		return requests.stream().filter(r -> r.startsWith("LIST s3://" + PublicBucket.NAME + "/ ")).count();
	}

	@Test
	void choosingADatasetListsItsArraysAndChoosingAnArrayDescribesItsLevels() throws Exception {
		final BrowseCommand browse = dialog();
		change(browse, "dataset", NACC);
		assertEquals(List.of(EM, NUC), choices(browse, "array"));
		assertEquals(EM, browse.getInput("array"));
		change(browse, "array", NUC);
		assertTrue(choices(browse, "level").stream().allMatch(l -> l.matches("s\\d+ — .* uint64, .* nm, .*B")),
				choices(browse, "level").toString());
		change(browse, "array", EM);
		final List<String> levels = choices(browse, "level");
		assertEquals(S2, levels.get(2), levels.toString());
		assertTrue(levels.get(0).startsWith("s0 — 41×75×83 int16, 2.96×4×4 nm, "), levels.toString());
	}

	@Test
	void okExportsTheChosenLevel(@TempDir final Path out) throws Exception {
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("dataset", NACC);
		inputs.put("array", EM);
		inputs.put("level", S2);
		inputs.put("output", out.toFile());
		inputs.put("endpoint", endpoint());
		final SciJavaRun run = SciJavaRun.run(context, BrowseCommand.class, inputs);
		assertFalse(run.canceled(), run.cancelReason());
		assertEquals(List.of(), run.errors);
		final List<Path> npy;
		try (Stream<Path> s = Files.list(out)) {
			npy = s.filter(p -> p.toString().endsWith(".npy")).collect(Collectors.toList());
		}
		assertEquals(1, npy.size(), npy.toString());
		final NpyFile file = NpyFile.read(npy.get(0));
		assertArrayEquals(new long[] { 10, 18, 20 }, file.shape);
		assertArrayEquals(NpyFile.read(Fixtures.bucketExpected().resolve(NACC + "/" + NACC + ".zarr/" + EM)
				.resolve("s2.npy")).data, file.data);
	}

	@Test
	void aFailedExportCancelsWithOneMessage(@TempDir final Path out) throws Exception {
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("dataset", NACC);
		inputs.put("array", EM);
		inputs.put("level", "s2");
		inputs.put("region", "0:5,0:5");
		inputs.put("output", out.toFile());
		inputs.put("endpoint", endpoint());
		final SciJavaRun run = SciJavaRun.run(context, BrowseCommand.class, inputs);
		assertTrue(run.canceled());
		assertEquals(List.of(run.cancelReason()), run.errors);
		try (Stream<Path> s = Files.list(out)) {
			assertEquals(0, s.count());
		}
	}

	@Test
	void thePreviewIsTheLevelCalibratedInNanometres() throws Exception {
		final BrowseCommand browse = dialog();
		change(browse, "dataset", NACC);
		change(browse, "level", S2);
		final ImagePlus preview = browse.openPreview().orElseThrow();
		assertEquals(NACC + " " + EM + " s2", preview.getTitle());
		assertEquals(20, preview.getWidth());
		assertEquals(18, preview.getHeight());
		assertEquals(10, preview.getNSlices());
		final Calibration c = preview.getCalibration();
		assertEquals("nm", c.getUnit());
		assertEquals(16, c.pixelWidth, 1e-9);
		assertEquals(16, c.pixelHeight, 1e-9);
		assertEquals(11.84, c.pixelDepth, 1e-9);
	}

	@Test
	void itIsAnInteractiveMenuCommandWhoseInputsAreNeitherRememberedNorRecorded() throws Exception {
		final CommandInfo info = context.service(CommandService.class).getCommand(BrowseCommand.class);
		assertEquals("Browse...", info.getMenuPath().getLeaf().getName());
		assertFalse(info.canRunHeadless());
		info.inputs().forEach(i -> {
			if (!i.getType().getName().startsWith("org.scijava.") || i.getType().getName().endsWith("Button"))
				assertFalse(i.isPersisted(), i.getName());
		});
		assertTrue(dialog().getInfo().is("no-record"));
	}
}
