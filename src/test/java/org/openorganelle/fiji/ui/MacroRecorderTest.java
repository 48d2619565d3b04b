package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ij.plugin.frame.Recorder;

/** The browser's exports reach ImageJ 1's real Macro Recorder window, once each, only while it records. */
@Tag("gui")
class MacroRecorderTest {

	private static final String LINE = "run(\"OpenOrganelle Export...\", \"dataset=jrc_hela-2 "
			+ "array=recon-1/em/fibsem-uint8 level=s4 output=/tmp/oo\")";

	@Test
	void anExportLineIsRecordedWhileTheRecorderIsOpenAndNotAfter() throws Exception {
		OpenOrganelleBrowser.record(LINE);
		final Recorder[] recorder = new Recorder[1];
		Gui.run(() -> recorder[0] = new Recorder());
		try {
			assertTrue(Recorder.record, "the Recorder window records");
			OpenOrganelleBrowser.record(LINE);
			assertEquals(LINE + ";\n", Recorder.getInstance().getText().replace("\r", ""),
					"the line recorded once, as a macro statement");
		} finally {
			Gui.run(() -> recorder[0].close());
		}
		assertFalse(Recorder.record);
		OpenOrganelleBrowser.record(LINE);
		assertEquals(null, Recorder.getInstance());
	}
}
