package org.openorganelle.fiji.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest ("development" when run from classes). */
final class Version implements IVersionProvider {

	@Override
	public String[] getVersion() {
		final String v = Version.class.getPackage().getImplementationVersion();
		return new String[] { "openorganelle " + (v == null ? "development" : v) };
	}
}
