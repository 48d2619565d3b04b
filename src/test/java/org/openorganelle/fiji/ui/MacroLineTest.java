package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.export.ExportOptions;

/** The recorded macro line of an export. */
class MacroLineTest {

	private static final String NACC = "jrc_mus-nacc-2";
	private static final String EM = "recon-2/em/fibsem-int16";

	@Test
	void theMacroLineIsThatOfTheExportCommand() {
		final int workers = ExportOptions.DEFAULT_WORKERS;
		assertEquals("run(\"OpenOrganelle Export...\", \"dataset=jrc_mus-nacc-2 array=recon-2/em/fibsem-int16 "
				+ "level=s2 output=/data/oo\")", MacroLine.of(MacroLine.inputs(NACC, EM, "s2",
						new File("/data/oo"), "", workers, "4G", "", null)));
		assertEquals("run(\"OpenOrganelle Export...\", \"array=a/b level=s0 output=[/my data] region=0:2,:,5: "
				+ "workers=3 limit=20G address=s3://other/x.zarr endpoint=http://localhost:9000\")", MacroLine.of(
						MacroLine.inputs(" ", "a/b", "s0", new File("/my data"), "0:2,:,5:", 3,
								"20G", "s3://other/x.zarr", "http://localhost:9000")));
		assertEquals("run(\"OpenOrganelle Export...\", \"array=a level=s1 output=C:\\\\oo\")", MacroLine.of(
				MacroLine.inputs("", "a", "s1", new File("C:\\oo"), "", workers, "4g", "", "")));
	}
}
