package org.openorganelle.fiji.discovery;

import java.util.Locale;

/**
 * Classifies an image path of an OpenOrganelle container: label volumes live under
 * {@code labels/} (ground truth, inference) or are named {@code *_seg}/{@code *_pred};
 * everything else is EM (or LM) intensity data.
 */
public final class Modality {

	/** Intensity data: EM (or LM). */
	public static final String EM = "EM";
	/** Segmentations, annotations, predictions. */
	public static final String LABELS = "labels";

	private Modality() {
	}

	/** {@link #LABELS} or {@link #EM} for an image path. */
	public static String of(final String path) {
		final String p = "/" + path.toLowerCase(Locale.ROOT) + "/";
		final boolean labels = p.contains("/labels/") || p.matches(".*_(seg|pred)/.*");
		return labels ? LABELS : EM;
	}
}
