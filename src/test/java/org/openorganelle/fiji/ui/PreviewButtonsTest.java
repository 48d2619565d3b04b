package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.PublicBucket;

import ij.ImagePlus;
import ij.WindowManager;

/**
 * The browser's preview buttons open the chosen level without downloading it (the test
 * class path has no BigDataViewer, so both show an ImageJ virtual hyperstack), and a
 * container address opens on Enter only.
 */
@Tag("gui")
class PreviewButtonsTest {

	private static final String NACC = "jrc_mus-nacc-2";
	private static final String EM = "recon-2/em/fibsem-int16";

	@RegisterExtension
	static final WatchedBrowser BROWSER = new WatchedBrowser();

	private BrowserFixture browser;

	@BeforeEach
	void open() throws Exception {
		browser = BROWSER.get();
		browser.show();
		Gui.await("the dataset list", () -> browser.datasets().contains(NACC));
	}

	@AfterEach
	void close() throws Exception {
		Gui.run(() -> {
			for (final int id : WindowManager.getIDList() == null ? new int[0] : WindowManager.getIDList())
				WindowManager.getImage(id).close();
		});
	}

	private static ImagePlus awaitImage(final String title) throws Exception {
		Gui.await("the image " + title, () -> WindowManager.getImage(title) != null);
		return WindowManager.getImage(title);
	}

	@Test
	void bothButtonsOpenTheChosenLevelAsAVirtualHyperstackWithoutBigDataViewer() throws Exception {
		browser.chooseDataset(NACC);
		browser.awaitLevels(EM);
		browser.chooseLevel("s2");
		Gui.run(() -> browser.button("openVirtualStack").doClick());
		final ImagePlus stack = awaitImage(NACC + " " + EM + " s2");
		assertEquals(List.of(20, 18, 10), List.of(stack.getWidth(), stack.getHeight(), stack.getNSlices()));
		assertEquals(true, stack.getStack().isVirtual());
		Gui.await("the note", () -> browser.status("preview").startsWith("opened"));
		Gui.await("the stack's window", () -> stack.getWindow() != null && stack.getWindow().isShowing());
		Gui.screenshot(stack.getWindow(), "virtual-stack");
		Gui.run(stack::close);

		browser.chooseLevel("s3");
		Gui.run(() -> browser.button("openBigDataViewer").doClick());
		final ImagePlus fallback = awaitImage(NACC + " " + EM + " s3");
		assertEquals(List.of(10, 9, 5), List.of(fallback.getWidth(), fallback.getHeight(), fallback.getNSlices()));
		Gui.await("the note", () -> browser.status("preview").startsWith("BigDataViewer is not installed"));
	}

	@Test
	void aLocalContainerAddressOpensOnEnter() throws Exception {
		final String folder = Fixtures.bucket().resolve("jrc_hela-2/jrc_hela-2.zarr").toString();
		browser.type("address", folder);
		browser.enter("address");
		Gui.await("the local container's arrays", () -> !browser.status("arrays").contains("s3://")
				&& browser.status("arrays").startsWith("3 arrays in "));
		browser.awaitLevels("recon-1/em/fibsem-uint8");
		assertEquals(List.of("jrc_hela-2.zarr › recon-1 › em › fibsem-uint8",
				"jrc_hela-2.zarr › recon-1 › labels › groundtruth › crop1 › all",
				"jrc_hela-2.zarr › recon-1 › labels › groundtruth › crop1 › mito"), browser.arrays());
		assertEquals(null, Gui.get(() -> Gui.find(browser.window, "datasets", javax.swing.JList.class)
				.getSelectedValue()), "no dataset is chosen when an address is");
		assertEquals(folder + "\nA container address: the catalog's facts are about datasets of the public bucket.",
				Gui.get(() -> Gui.find(browser.window, "facts", javax.swing.JTextArea.class).getText()));
	}

	@Test
	void anEndpointActsOnEnterOnlyAndABadOneShowsInline() throws Exception {
		Gui.await("the first dataset's thumbnail", () -> Gui.find(browser.window, "thumbnail", javax.swing.JLabel.class)
				.getIcon() != null);
		final List<?> dialogs = BrowserFixture.dialogs();
		final int before = browser.requests.size();
		Gui.run(() -> browser.text("endpoint").setText(""));
		browser.type("endpoint", "localhost:9000");
		Thread.sleep(3 * SlowBucket.DELAY.toMillis());
		assertEquals(before, browser.requests.size(), "typing made requests: " + browser.requests);
		browser.enter("endpoint");
		Gui.await("the failed listing", () -> browser.retryShown("datasets"));
		final String status = browser.status("datasets");
		assertEquals(true, status.contains("localhost:9000"), status);
		assertEquals(dialogs, BrowserFixture.dialogs());

		Gui.run(() -> browser.text("endpoint").setText(SlowBucket.get().endpoint()));
		Gui.run(() -> browser.button("endpointOpen").doClick());
		Gui.await("the listing again", () -> browser.status("datasets").equals("9 datasets"));
	}

	@Test
	void anUnreachableEndpointFailsInlineAfterTwoAttemptsNotAfterSixWithBackoff() throws Exception {
		final int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		Gui.run(() -> browser.text("endpoint").setText("http://127.0.0.1:" + closedPort));
		browser.enter("endpoint");
		Gui.await("the failed listing", () -> browser.retryShown("datasets"));
		final String status = browser.status("datasets");
		assertTrue(status.contains("127.0.0.1:" + closedPort), status);
		assertTrue(status.contains("gave up after " + BrowserSession.LISTING_ATTEMPTS + " attempts"), status);
		assertEquals(BrowserSession.LISTING_ATTEMPTS, browser.requests.stream().filter(r -> r.startsWith("LIST s3://"
				+ PublicBucket.NAME + "/ ") && r.contains(":" + closedPort) && r.contains(" -> failed")).count(),
				browser.requests.toString());
	}
}
