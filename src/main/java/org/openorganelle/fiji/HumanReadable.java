package org.openorganelle.fiji;

import java.util.Locale;

/** Formatting of sizes, shapes and lengths for people. */
public final class HumanReadable {

	private static final String[] UNITS = { "B", "kB", "MB", "GB", "TB", "PB", "EB" };

	private HumanReadable() {
	}

	/** A byte count in decimal units with three significant digits: {@code 14.3 MB}, {@code 7.38 GB}. */
	public static String bytes(final long bytes) {
		if (bytes < 1000)
			return bytes + " B";
		double value = bytes;
		int unit = 0;
		while (value >= 999.5 && unit < UNITS.length - 1) {
			value /= 1000;
			unit++;
		}
		final String digits = value >= 99.95 ? String.format(Locale.ROOT, "%.0f", value)
				: value >= 9.995 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
		return digits + " " + UNITS[unit];
	}

	/** A byte count in binary units, as limits are given: {@code 4 GiB}, {@code 100 KiB}, {@code 1.5 GiB}. */
	public static String binaryBytes(final long bytes) {
		final String[] units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
		int unit = 0;
		double value = bytes;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return number(Math.round(value * 100) / 100.0) + " " + units[unit];
	}

	/** Dimensions joined by '×': {@code 564×2520×2596}. */
	public static String shape(final long[] shape) {
		final StringBuilder s = new StringBuilder();
		for (int d = 0; d < shape.length; d++)
			s.append(d > 0 ? "×" : "").append(shape[d]);
		return s.toString();
	}

	/** Dimensions joined by '×': {@code 64×64×64}. */
	public static String shape(final int[] shape) {
		final StringBuilder s = new StringBuilder();
		for (int d = 0; d < shape.length; d++)
			s.append(d > 0 ? "×" : "").append(shape[d]);
		return s.toString();
	}

	/** Lengths joined by '×', without needless decimals: {@code 2.96×4×4}. */
	public static String lengths(final double[] values) {
		final StringBuilder s = new StringBuilder();
		for (int d = 0; d < values.length; d++)
			s.append(d > 0 ? "×" : "").append(number(values[d]));
		return s.toString();
	}

	/** A number with at most 6 significant decimals and no trailing zeros: {@code 757.76}, {@code 4}. */
	public static String number(final double value) {
		final String s = String.format(Locale.ROOT, "%.6f", value);
		final String trimmed = s.replaceAll("0+$", "");
		return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	/** The text with its control characters written as {@code \\uXXXX}, for messages that quote user input. */
	public static String printable(final String text) {
		final StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			final char c = text.charAt(i);
			if (Character.isISOControl(c))
				out.append(String.format("\\u%04x", (int) c));
			else
				out.append(c);
		}
		return out.toString();
	}
}
