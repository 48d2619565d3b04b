package org.openorganelle.fiji.multiscale;

import java.util.Locale;

import org.openorganelle.fiji.array.FormatException;

/** Conversion of the length units used in OME-NGFF and COSEM metadata to nanometres. */
final class Units {

	private Units() {
	}

	/**
	 * Nanometres per unit; a missing unit is read as nanometres (the COSEM convention).
	 *
	 * @throws FormatException for a unit that is not a length
	 */
	static double nanometresPer(final String unit) {
		if (unit == null || unit.isEmpty())
			return 1;
		switch (unit.toLowerCase(Locale.ROOT)) {
		case "nanometer":
		case "nanometre":
		case "nm":
			return 1;
		case "angstrom":
		case "å":
			return 0.1;
		case "picometer":
		case "pm":
			return 1e-3;
		case "micrometer":
		case "micrometre":
		case "micron":
		case "um":
		case "µm":
			return 1e3;
		case "millimeter":
		case "millimetre":
		case "mm":
			return 1e6;
		case "meter":
		case "metre":
		case "m":
			return 1e9;
		default:
			throw new FormatException("unknown length unit '" + unit + "'");
		}
	}
}
