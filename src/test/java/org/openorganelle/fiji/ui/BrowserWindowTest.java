package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.swing.JLabel;
import javax.swing.JTextArea;
import javax.swing.JTree;
import javax.swing.tree.TreeNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.testing.EdtProbe;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.PublicBucket;

/**
 * The browser window driven like a person against the bucket miniature behind a proxy
 * that delays every request by 300 ms: the event thread never stalls, every area shows
 * what was loaded for the current choice, and failures stay inline.
 */
@Tag("gui")
class BrowserWindowTest {

	private static final String NACC = "jrc_mus-nacc-2";
	private static final String EM = "recon-2/em/fibsem-int16";
	private static final String NUC = "recon-2/labels/inference/segmentations/nuc";

	@RegisterExtension
	static final WatchedBrowser BROWSER = new WatchedBrowser();

	private BrowserFixture browser;

	@BeforeEach
	void open() throws Exception {
		browser = BROWSER.get();
	}

	/** The datasets of the miniature (and the one without arrays), catalogued ones first. */
	private static List<String> expectedDatasets() throws IOException {
		final List<String> present;
		try (Stream<Path> s = Files.list(Fixtures.bucket())) {
			present = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors
					.toCollection(ArrayList::new));
		}
		present.add(SlowBucket.NO_ARRAYS);
		present.sort(null);
		final List<String> expected = DatasetCatalog.bundled().existingDatasets().stream().filter(present::contains)
				.collect(Collectors.toCollection(ArrayList::new));
		present.stream().filter(d -> !expected.contains(d)).forEach(expected::add);
		return expected;
	}

	@Test
	void listsScansAndShowsAThumbnailWithoutStallingTheEventThread() throws Exception {
		try (EdtProbe probe = EdtProbe.start()) {
			final List<String> steps = new ArrayList<>();
			browser.show();
			steps.add("shown " + probe.elapsedMillis());
			final List<String> expected = expectedDatasets();
			Gui.await("the dataset list", () -> browser.datasets().size() == expected.size());
			steps.add("listed " + probe.elapsedMillis());
			assertEquals(expected, browser.datasets());
			assertEquals(1, browser.requests.stream().filter(r -> r.startsWith("LIST s3://" + PublicBucket.NAME
					+ "/ ")).count(), browser.requests.toString());

			browser.chooseDataset(NACC);
			steps.add("chosen " + probe.elapsedMillis());
			browser.awaitLevels(EM);
			steps.add("levels " + probe.elapsedMillis());
			assertEquals(List.of(NACC + ".zarr › recon-2 › em › fibsem-int16",
					NACC + ".zarr › recon-2 › labels › inference › segmentations › nuc"), browser.arrays());
			final List<List<String>> levels = browser.levels();
			assertEquals(List.of("s0", "s1", "s2", "s3"), levels.stream().map(r -> r.get(0))
					.collect(Collectors.toList()));
			final List<String> s2 = levels.get(2);
			assertEquals(List.of("s2", "10×18×20", "int16", "16×32×32", "-", "zstd(level=1)", "11.84×16×16"), s2
					.subList(0, 7));
			assertEquals("7.20 kB", s2.get(8));
			final String facts = Gui.get(() -> Gui.find(browser.window, "facts", JTextArea.class).getText());
			for (final String fact : List.of("Title: unknown", "Organism: Mouse (Mus musculus)",
					"Sample: Nucleus accumbens", "Imaging date: 2015-03-09", "DOI: unknown"))
				assertTrue(facts.contains("\n" + fact + "\n") || facts.endsWith("\n" + fact), fact + " in " + facts);

			Gui.await("the thumbnail", () -> Gui.find(browser.window, "thumbnail", JLabel.class).getIcon() != null);
			steps.add("thumbnail " + probe.elapsedMillis());
			assertEquals("s3 (coarsest), z 2 of 0–4", browser.status("thumbnail"));
			assertEquals(List.of(), browser.requests.stream().filter(r -> r.matches("GET .*/s[0-2]/\\d+/\\d+/\\d+ .*"))
					.collect(Collectors.toList()), "chunks of finer levels were read");
			assertNotNull(Gui.screenshot(browser.window, "browser"));

			browser.chooseDataset("jrc_hela-2");
			browser.awaitLevels("recon-1/em/fibsem-uint8");
			Gui.await("the thumbnail", () -> Gui.find(browser.window, "thumbnail", JLabel.class).getIcon() != null);
			steps.add("hela-2 " + probe.elapsedMillis());
			Gui.screenshot(browser.window, "browser-hela-2");
			assertTrue(probe.longestStallMillis() < 100, "the event thread stalled " + probe.longestStallMillis()
					+ " ms: " + probe.stalls() + " " + steps);
		}
	}

	@Test
	void aDatasetsN5ContainerJoinsTheTreeAndItsRawUint16EmPreviews() throws Exception {
		browser.show();
		Gui.await("the dataset list", () -> browser.datasets().contains("jrc_hela-2"));
		browser.chooseDataset("jrc_hela-2");
		browser.awaitLevels("recon-1/em/fibsem-uint8");
		final List<String> arrays = browser.arrays();
		assertEquals(List.of("jrc_hela-2.zarr", "jrc_hela-2.n5"), Gui.get(() -> {
			final TreeNode root = (TreeNode) Gui.find(browser.window, "arrays", JTree.class).getModel().getRoot();
			final List<String> tops = new ArrayList<>();
			for (int i = 0; i < root.getChildCount(); i++)
				tops.add(root.getChildAt(i).toString());
			return tops;
		}), "the Zarr container first, as --dataset looks arrays up");
		assertTrue(arrays.containsAll(List.of("jrc_hela-2.n5 › em › fibsem-uint16",
				"jrc_hela-2.n5 › labels › mito_seg", "jrc_hela-2.n5 › labels › mito_pred")), arrays.toString());
		assertEquals("6 arrays in jrc_hela-2.zarr and jrc_hela-2.n5", browser.status("arrays"));
		browser.chooseArray("em/fibsem-uint16");
		browser.awaitLevels("em/fibsem-uint16");
		final List<List<String>> levels = browser.levels();
		assertEquals(List.of("s0", "s1", "s2", "s3"), levels.stream().map(r -> r.get(0))
				.collect(Collectors.toList()));
		assertEquals(List.of("s0", "50×66×97", "uint16", "16×16×16", "-", "gzip(level=-1)", "5.24×4×4"), levels
				.get(0).subList(0, 7));
		Gui.await("the thumbnail", () -> Gui.find(browser.window, "thumbnail", JLabel.class).getIcon() != null);
		Gui.screenshot(browser.window, "browser-hela-2-n5");
	}

	@Test
	void aShardedZarrV3DatasetShowsItsShardsAndPreviews() throws Exception {
		browser.show();
		Gui.await("the dataset list", () -> browser.datasets().contains("jrc_mosquito-stylet-6"));
		browser.chooseDataset("jrc_mosquito-stylet-6");
		browser.awaitLevels("recon-1/em/fibsem-uint8");
		assertEquals(List.of("jrc_mosquito-stylet-6.zarr › recon-1 › em › fibsem-uint8"), browser.arrays());
		final List<List<String>> levels = browser.levels();
		assertEquals(List.of("s0", "s1", "s2"), levels.stream().map(r -> r.get(0)).collect(Collectors.toList()));
		assertEquals(List.of("s0", "70×66×80", "uint8", "4×4×4", "64×64×64",
				"sharding_indexed(index at end: bytes(little) / crc32c; inner: bytes / zstd(level=3, checksum))",
				"3.24×4×4", "0×0×0"), levels.get(0).subList(0, 8));
		Gui.await("the thumbnail", () -> Gui.find(browser.window, "thumbnail", JLabel.class).getIcon() != null);
		Gui.screenshot(browser.window, "browser-mosquito-stylet-6-v3");
	}

	@Test
	void aLabelArrayGetsAColourPerLabel() throws Exception {
		browser.show();
		Gui.await("the dataset list", () -> !browser.datasets().isEmpty());
		browser.chooseDataset(NACC);
		browser.awaitLevels(EM);
		browser.chooseArray(NUC);
		browser.awaitLevels(NUC);
		Gui.await("the thumbnail", () -> browser.status("thumbnail").endsWith("a colour per label"));
		assertEquals("s2 (coarsest), z 2 of 0–4, a colour per label", browser.status("thumbnail"));
		Gui.screenshot(browser.window, "browser-labels");
	}

	@Test
	void aDatasetHoldingNoArrayShowsThatInline() throws Exception {
		browser.show();
		Gui.await("the dataset list", () -> browser.datasets().contains(SlowBucket.NO_ARRAYS));
		browser.chooseDataset(SlowBucket.NO_ARRAYS);
		Gui.await("the scan", () -> browser.status("arrays").startsWith("no arrays"));
		assertEquals("no arrays in s3://" + PublicBucket.NAME + "/" + SlowBucket.NO_ARRAYS + "/"
				+ SlowBucket.NO_ARRAYS + ".zarr", browser.status("arrays"));
		assertEquals(List.of(), browser.arrays());
		assertEquals(List.of(), browser.levels());
		assertFalse(browser.retryShown("arrays"));
		for (final String button : List.of("openBigDataViewer", "openVirtualStack", "export"))
			assertFalse(Gui.get(() -> browser.button(button).isEnabled()), button);
		Gui.screenshot(browser.window, "browser-no-arrays");
	}

	@Test
	void aBadAddressShowsAnInlineErrorAndNoDialog() throws Exception {
		browser.show();
		Gui.await("the first dataset's thumbnail", () -> Gui.find(browser.window, "thumbnail", JLabel.class)
				.getIcon() != null);
		final List<?> dialogs = BrowserFixture.dialogs();
		final int before = browser.requests.size();
		final String address = "s3://" + PublicBucket.NAME + "/no-such-dataset/x.zarr";
		browser.type("address", address);
		Thread.sleep(3 * SlowBucket.DELAY.toMillis());
		assertEquals(before, browser.requests.size(), "typing made requests: " + browser.requests);

		browser.enter("address");
		Gui.await("the failure", () -> browser.retryShown("arrays"));
		assertEquals("nothing exists at " + address + ": check the address", browser.status("arrays"));
		assertEquals(List.of(), browser.arrays());
		assertEquals(dialogs, BrowserFixture.dialogs());
		Gui.screenshot(browser.window, "browser-bad-address");

		final int failed = browser.requests.size();
		Gui.run(() -> Gui.find(browser.window, "arraysRetry", javax.swing.JButton.class).doClick());
		Gui.await("the retry", () -> browser.requests.size() > failed && browser.retryShown("arrays"));

		Gui.run(() -> browser.text("address").setText("ftp://example.org/data.zarr"));
		Gui.run(() -> browser.button("addressOpen").doClick());
		Gui.await("the second failure", () -> !browser.status("arrays").startsWith("nothing exists")
				&& browser.retryShown("arrays"));
		assertTrue(browser.status("arrays").contains("ftp://example.org/data.zarr"), browser.status("arrays"));
		assertEquals(dialogs, BrowserFixture.dialogs());
	}

	@Test
	void changingDatasetOrArrayKeepsTheLevelNameElseTakesTheFinestUnderTheLimit() throws Exception {
		browser.show();
		Gui.await("the first dataset's levels", () -> browser.chosenLevel() != null);
		assertEquals("jrc_hela-2", browser.datasets().get(0));
		assertEquals("recon-1/em/fibsem-uint8", browser.chosenArray());
		assertEquals("s0", browser.chosenLevel(), "s0 (320 kB) is the finest level under the default 4G");

		Gui.run(() -> browser.button("export").doClick());
		Gui.run(() -> {
			final java.awt.Window dialog = List.of(browser.window.getOwnedWindows()).stream().filter(
					java.awt.Window::isShowing).findFirst().orElseThrow();
			Gui.find(dialog, "exportLimit", javax.swing.JTextField.class).setText("100K");
			dialog.dispose();
		});

		browser.chooseLevel("s2");
		browser.chooseDataset(NACC);
		browser.awaitLevels(EM);
		assertEquals("s2", browser.chosenLevel(), "the new array has s2");
		browser.chooseArray(NUC);
		browser.awaitLevels(NUC);
		assertEquals("s2", browser.chosenLevel(), "the new array has s2");

		browser.chooseArray(EM);
		browser.awaitLevels(EM);
		browser.chooseLevel("s3");
		browser.chooseArray(NUC);
		browser.awaitLevels(NUC);
		assertEquals("s1", browser.chosenLevel(), "no s3: the finest level under 100K (s0 is 243 kB, s1 28.8 kB)");

		browser.chooseDataset("jrc_hela-2");
		browser.awaitLevels("recon-1/em/fibsem-uint8");
		assertEquals("s1", browser.chosenLevel());
		browser.chooseArray("recon-1/labels/groundtruth/crop1/mito");
		browser.awaitLevels("recon-1/labels/groundtruth/crop1/mito");
		assertEquals("s1", browser.chosenLevel());
	}

	@Test
	void typingInTheFilterNarrowsTheDatasetListWithoutARequest() throws Exception {
		browser.show();
		Gui.await("the first dataset's thumbnail", () -> Gui.find(browser.window, "thumbnail", JLabel.class)
				.getIcon() != null);
		final int before = browser.requests.size();
		browser.type("datasetFilter", "COS7");
		assertEquals(List.of("jrc_cos7-1a", "jrc_cos7-1b", "jrc_cos7-11"), browser.datasets());
		browser.type("datasetFilter", "-1");
		assertEquals(List.of("jrc_cos7-1a", "jrc_cos7-1b", "jrc_cos7-11"), browser.datasets());
		browser.type("datasetFilter", "a");
		assertEquals(List.of("jrc_cos7-1a"), browser.datasets());
		Gui.run(() -> browser.text("datasetFilter").setText(""));
		assertEquals(expectedDatasets(), browser.datasets());
		assertEquals("jrc_hela-2", Gui.get(() -> Gui.find(browser.window, "datasets", javax.swing.JList.class)
				.getSelectedValue()), "the chosen dataset is selected again when the filter shows it");
		assertEquals(before, browser.requests.size(), browser.requests.toString());
	}
}
