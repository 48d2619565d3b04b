package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.JButton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.ij1.MacroLauncher;
import org.openorganelle.fiji.testing.Directories;
import org.openorganelle.fiji.testing.EdtProbe;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.ForkedRun;
import org.openorganelle.fiji.testing.NpyFile;
import org.openorganelle.fiji.testing.PluginJar;

/**
 * The browser's Export… dialog against the slow bucket: the files are those of
 * zarr-python's read, the recorded macro line repeats the export (run by ImageJ 1's macro
 * interpreter, patched as Fiji does, in a JVM of its own), Cancel leaves nothing,
 * the size limit cannot be bypassed, and the event thread never stalls meanwhile.
 */
@Tag("gui")
class ExportDialogTest {

	private static final String NACC = "jrc_mus-nacc-2";
	private static final String EM = "recon-2/em/fibsem-int16";
	private static final Path EXPECTED = Fixtures.bucketExpected().resolve(NACC + "/" + NACC + ".zarr/" + EM);

	@TempDir
	static Path plugins;

	@RegisterExtension
	static final WatchedBrowser BROWSER = new WatchedBrowser();

	private BrowserFixture browser;

	@BeforeEach
	void open() throws Exception {
		browser = BROWSER.get();
		browser.show();
		Gui.await("the dataset list", () -> browser.datasets().contains(NACC));
		browser.chooseDataset(NACC);
		browser.awaitLevels(EM);
	}

	/** Clicks Export… and sets the dialog's output directory. */
	private JDialog exportDialog(final Path out) throws Exception {
		Gui.run(() -> browser.button("export").doClick());
		final JDialog dialog = Gui.get(() -> (JDialog) List.of(browser.window.getOwnedWindows()).stream()
				.filter(w -> w.isShowing() && "exportDialog".equals(w.getName())).findFirst().orElseThrow());
		Gui.run(() -> Gui.find(dialog, "exportOutput", JTextField.class).setText(out.toString()));
		return dialog;
	}

	private static String status(final JDialog dialog) throws Exception {
		return Gui.get(() -> Gui.find(dialog, "exportStatus", JLabel.class).getText());
	}

	private static void click(final JDialog dialog, final String button) throws Exception {
		Gui.run(() -> Gui.find(dialog, button, JButton.class).doClick());
	}

	private static List<Path> npyFiles(final Path out) {
		return Directories.files(out).stream().filter(p -> p.toString().endsWith(".npy")).collect(Collectors
				.toList());
	}

	@Test
	void theExportIsZarrPythonsReadAndItsMacroLineRepeatsIt(@TempDir final Path out, @TempDir final Path work)
			throws Exception {
		browser.chooseLevel("s2");
		final JDialog dialog = exportDialog(out);
		assertEquals("7.20 kB", Gui.get(() -> Gui.find(dialog, "exportSize", JLabel.class).getText()));
		try (EdtProbe probe = EdtProbe.start()) {
			click(dialog, "exportStart");
			Gui.await("the export", () -> status(dialog).startsWith("Wrote"));
			assertTrue(probe.longestStallMillis() < 100, "the event thread stalled " + probe.stalls());
		}
		Gui.screenshot(dialog, "export-dialog");
		final List<Path> written = npyFiles(out);
		assertEquals(1, written.size(), Directories.files(out).toString());
		assertEquals(2, Directories.files(out).size(), Directories.files(out).toString());
		assertArrayEquals(Files.readAllBytes(EXPECTED.resolve("s2.npy")), Files.readAllBytes(written.get(0)),
				"the .npy differs from numpy.save of zarr-python's read");

		Gui.run(() -> Gui.find(dialog, "exportRegion", JTextField.class).setText("1:3,:,5:9"));
		assertEquals("288 B", Gui.get(() -> Gui.find(dialog, "exportSize", JLabel.class).getText()));
		click(dialog, "exportStart");
		Gui.await("the region's export", () -> status(dialog).startsWith("Wrote") && npyFiles(out).size() == 2);
		final byte[] region = cropped(NpyFile.read(EXPECTED.resolve("s2.npy")).data);
		final Path regionNpy = npyFiles(out).stream().filter(p -> !p.equals(written.get(0))).findFirst()
				.orElseThrow();
		assertArrayEquals(region, NpyFile.read(regionNpy).data);

		assertEquals(2, browser.recorded.size(), browser.recorded.toString());
		final String line = browser.recorded.get(1);
		assertEquals("run(\"OpenOrganelle Export...\", \"dataset=" + NACC + " array=" + EM + " level=s2 output=" + out
				+ " region=1:3,:,5:9 endpoint=" + SlowBucket.get().endpoint() + "\")", line);
		final Path macro = Files.writeString(work.resolve("recorded.ijm"), line + ";\n");
		final ForkedRun rerun = ForkedRun.run(work, PluginJar.classPath(PluginJar.build(plugins), true),
				MacroLauncher.class.getName(), "-batch", macro.toString());
		assertEquals(MacroLauncher.SUCCESS, rerun.code, rerun.err);
		final List<Path> again = npyFiles(out);
		assertEquals(3, again.size(), again.toString());
		again.removeAll(List.of(written.get(0), regionNpy));
		assertArrayEquals(Files.readAllBytes(regionNpy), Files.readAllBytes(again.get(0)),
				"the macro line's export differs from the dialog's");
	}

	@Test
	void aDatasetsN5ArrayExportsLittleEndianAndItsMacroLineNamesTheN5Container(@TempDir final Path out,
			@TempDir final Path work) throws Exception {
		browser.chooseDataset("jrc_hela-2");
		browser.awaitLevels("recon-1/em/fibsem-uint8");
		browser.chooseArray("em/fibsem-uint16");
		browser.awaitLevels("em/fibsem-uint16");
		browser.chooseLevel("s1");
		final JDialog dialog = exportDialog(out);
		click(dialog, "exportStart");
		Gui.await("the export", () -> status(dialog).startsWith("Wrote"));
		final List<Path> written = npyFiles(out);
		assertEquals(1, written.size(), Directories.files(out).toString());
		final NpyFile npy = NpyFile.read(written.get(0));
		assertEquals("<u2", npy.descr);
		assertArrayEquals(NpyFile.read(Fixtures.bucketExpected().resolve(
				"jrc_hela-2/jrc_hela-2.n5/em/fibsem-uint16/s1.npy")).data, npy.data,
				"the .npy differs from zarr-python's read through its N5 store");
		final String line = browser.recorded.get(browser.recorded.size() - 1);
		assertTrue(line.contains("dataset=jrc_hela-2 array=em/fibsem-uint16 level=s1 ")
				&& line.contains(" address=s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5"), line);
		assertArrayEquals(npy.data, NpyFile.read(rerun(line, work, out, written.get(0))).data,
				"the macro line's export differs");
	}

	@Test
	void aShardedZarrV3LevelExportsByteExactAndItsMacroLineRepeatsIt(@TempDir final Path out,
			@TempDir final Path work) throws Exception {
		browser.chooseDataset("jrc_mosquito-stylet-6");
		browser.awaitLevels("recon-1/em/fibsem-uint8");
		browser.chooseLevel("s0");
		final JDialog dialog = exportDialog(out);
		assertEquals("370 kB", Gui.get(() -> Gui.find(dialog, "exportSize", JLabel.class).getText()));
		click(dialog, "exportStart");
		Gui.await("the export", () -> status(dialog).startsWith("Wrote"));
		final List<Path> written = npyFiles(out);
		assertEquals(1, written.size(), Directories.files(out).toString());
		final NpyFile npy = NpyFile.read(written.get(0));
		assertArrayEquals(NpyFile.read(Fixtures.bucketExpected().resolve(
				"jrc_mosquito-stylet-6/jrc_mosquito-stylet-6.zarr/recon-1/em/fibsem-uint8/s0.npy")).data, npy.data,
				"the .npy differs from the numpy array the shards were encoded from");
		final String line = browser.recorded.get(browser.recorded.size() - 1);
		assertTrue(line.contains("dataset=jrc_mosquito-stylet-6 array=recon-1/em/fibsem-uint8 level=s0 "), line);
		assertArrayEquals(npy.data, NpyFile.read(rerun(line, work, out, written.get(0))).data,
				"the macro line's export differs");
	}

	/**
	 * Runs a recorded macro line in a forked ImageJ 1 with the plugin jar.
	 *
	 * @return the .npy it wrote into {@code out}, beside the dialog's {@code first}
	 */
	private Path rerun(final String line, final Path work, final Path out, final Path first) throws Exception {
		final Path macro = Files.writeString(work.resolve("recorded.ijm"), line + ";\n");
		final ForkedRun rerun = ForkedRun.run(work, PluginJar.classPath(PluginJar.build(plugins), true),
				MacroLauncher.class.getName(), "-batch", macro.toString());
		assertEquals(MacroLauncher.SUCCESS, rerun.code, rerun.err);
		final List<Path> again = npyFiles(out);
		assertEquals(2, again.size(), again.toString());
		again.remove(first);
		return again.get(0);
	}

	/** Voxels 1:3, :, 5:9 of the 10 × 18 × 20 int16 level s2. */
	private static byte[] cropped(final byte[] whole) {
		final byte[] expected = new byte[2 * 18 * 4 * 2];
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < 18; y++)
				System.arraycopy(whole, (((z + 1) * 18 + y) * 20 + 5) * 2, expected, (z * 18 + y) * 4 * 2, 4 * 2);
		return expected;
	}

	@Test
	void cancelStopsTheExportAndLeavesNoFile(@TempDir final Path out) throws Exception {
		browser.chooseLevel("s0");
		final JDialog dialog = exportDialog(out);
		try (EdtProbe probe = EdtProbe.start()) {
			click(dialog, "exportStart");
			Gui.await("some progress", () -> Gui.find(dialog, "exportProgress", JProgressBar.class).getValue() > 0);
			click(dialog, "exportCancel");
			Gui.await("the cancellation", () -> status(dialog).startsWith("Cancelled"));
			assertTrue(probe.longestStallMillis() < 100, "the event thread stalled " + probe.stalls());
		}
		assertTrue(status(dialog).startsWith("Cancelled: nothing was written"), status(dialog));
		assertEquals(List.of(), Directories.files(out));
		assertEquals(List.of(), browser.recorded);
	}

	@Test
	void theSizeLimitRefusesAnExportAboveIt(@TempDir final Path out) throws Exception {
		browser.chooseLevel("s0");
		final JDialog dialog = exportDialog(out);
		Gui.run(() -> Gui.find(dialog, "exportLimit", JTextField.class).setText("100K"));
		assertTrue(Gui.get(() -> Gui.find(dialog, "exportSize", JLabel.class).getText()).startsWith(
				"510 kB — above the limit of 100 KiB"));
		click(dialog, "exportStart");
		Gui.await("the refusal", () -> Gui.find(dialog, "exportRetry", JButton.class).isVisible());
		assertTrue(status(dialog).contains("above the limit of 100 KiB; level s1 is 60.7 kB"), status(dialog));
		assertEquals(List.of(), Directories.files(out));
		assertEquals(List.of(), browser.recorded);
	}
}
