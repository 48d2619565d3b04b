package org.openorganelle.fiji.multiscale;

import java.util.Arrays;

/**
 * Where one pyramid level sits in physical space: the voxel size and the translation of
 * the first voxel's centre, in nanometres, one value per array axis (z, y, x for COSEM
 * data). {@code world(i) = translation + i * scale}.
 */
public final class LevelTransform {

	private final String path;
	private final double[] scaleNm;
	private final double[] translationNm;

	public LevelTransform(final String path, final double[] scaleNm, final double[] translationNm) {
		if (scaleNm.length != translationNm.length)
			throw new IllegalArgumentException("scale and translation ranks differ for level " + path);
		this.path = path;
		this.scaleNm = scaleNm.clone();
		this.translationNm = translationNm.clone();
	}

	/** The level's path relative to its multiscale group, e.g. {@code s0}. */
	public String path() {
		return path;
	}

	/** Voxel size in nm per array axis (a copy). */
	public double[] scaleNm() {
		return scaleNm.clone();
	}

	/** Translation in nm per array axis (a copy). */
	public double[] translationNm() {
		return translationNm.clone();
	}

	@Override
	public String toString() {
		return path + " scale " + Arrays.toString(scaleNm) + " nm, translation " + Arrays.toString(translationNm)
				+ " nm";
	}
}
