package org.openorganelle.fiji.multiscale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openorganelle.fiji.array.FormatException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A COSEM "STTransform": {@code {axes, units, scale, translate, order}}, found on N5-era
 * group datasets and arrays. {@code order} "F" lists axes x,y,z; values are returned in
 * C order either way.
 */
public final class CosemTransform {

	private final List<String> axes;
	private final double[] scaleNm;
	private final double[] translationNm;

	private CosemTransform(final List<String> axes, final double[] scaleNm, final double[] translationNm) {
		this.axes = axes;
		this.scaleNm = scaleNm;
		this.translationNm = translationNm;
	}

	/**
	 * @throws FormatException when the transform lacks scale or translate, or ranks disagree
	 */
	public static CosemTransform parse(final JsonNode transform, final String where) {
		if (transform == null || !transform.isObject())
			throw new FormatException("transform of " + where + " is missing");
		final JsonNode scale = transform.get("scale");
		final JsonNode translate = transform.get("translate");
		if (scale == null || !scale.isArray() || translate == null || !translate.isArray()
				|| scale.size() != translate.size() || scale.size() == 0)
			throw new FormatException("transform of " + where + " needs scale and translate of equal length");
		final int rank = scale.size();
		final boolean fortran = transform.path("order").asText("C").equals("F");
		final List<String> axes = new ArrayList<>();
		final double[] s = new double[rank];
		final double[] t = new double[rank];
		for (int d = 0; d < rank; d++) {
			final int from = fortran ? rank - 1 - d : d;
			final double factor = Units.nanometresPer(transform.path("units").path(from).asText(null));
			if (!scale.get(from).isNumber() || !translate.get(from).isNumber())
				throw new FormatException("transform of " + where + " must hold numbers");
			s[d] = scale.get(from).doubleValue() * factor;
			t[d] = translate.get(from).doubleValue() * factor;
			axes.add(transform.path("axes").path(from).asText(""));
		}
		return new CosemTransform(axes.contains("") ? Collections.emptyList() : axes, s, t);
	}

	/** Axis names in C order, or empty when the transform names none. */
	public List<String> axes() {
		return axes;
	}

	/** This transform as the geometry of a level. */
	public LevelTransform toLevelTransform(final String path) {
		return new LevelTransform(path, scaleNm, translationNm);
	}
}
