package org.openorganelle.fiji.export;

import org.openorganelle.fiji.OpenOrganelleException;

/** An export stopped before completion (cancelled or timed out); nothing was left behind. */
public class ExportCancelledException extends OpenOrganelleException {

	private static final long serialVersionUID = 1L;

	public ExportCancelledException(final String reason) {
		super("export " + reason + "; no files were written");
	}
}
