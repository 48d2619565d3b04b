package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.testing.SciJavaRun;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/** {@link BrowseCommand} as a menu command, and what it does without a display (the suite runs headless). */
class BrowseCommandTest {

	private static Context context;

	@BeforeAll
	static void start() {
		context = SciJavaRun.context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void headlessItSaysThatItNeedsADisplayAndCancels() throws Exception {
		assertTrue(GraphicsEnvironment.isHeadless(), "this test needs a headless JVM");
		final SciJavaRun run = SciJavaRun.run(context, BrowseCommand.class, Map.of());
		assertTrue(run.canceled());
		assertEquals(BrowseCommand.NEEDS_DISPLAY, run.cancelReason());
		assertEquals(List.of(BrowseCommand.NEEDS_DISPLAY), run.errors);
		assertTrue(run.cancelReason().startsWith("OpenOrganelle Browse... needs a display"), run.cancelReason());
	}

	@Test
	void itIsTheBrowseMenuCommandWithoutInputsAndIsNotRecorded() {
		final CommandInfo info = context.service(CommandService.class).getCommand(BrowseCommand.class);
		assertEquals("Plugins > OpenOrganelle > Browse...", info.getMenuPath().getMenuString());
		assertEquals(BrowseCommand.TITLE, info.getLabel());
		assertFalse(info.canRunHeadless());
		info.inputs().forEach(i -> assertTrue(i.getType().getName().startsWith("org.scijava."), i.getName()));
		assertTrue(info.is("no-record"));
	}
}
