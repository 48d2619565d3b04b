package org.openorganelle.fiji.discovery;

import java.util.regex.Pattern;

import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;

/**
 * Checks the dataset names and paths users type before any request: a dataset is one
 * plain name, an array or level a relative path inside its container. Names that could
 * point elsewhere ({@code ..}, a leading {@code /}, backslashes, URL-encoded characters)
 * or carry control characters are refused with a message saying what is valid.
 */
public final class UserNames {

	private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private UserNames() {
	}

	/**
	 * @return the dataset name
	 * @throws OpenOrganelleException unless it is letters, digits, '.', '_' and '-' (starting with a letter or digit)
	 */
	public static String dataset(final String name) {
		if (!DATASET.matcher(name).matches())
			throw new OpenOrganelleException("invalid dataset name '" + HumanReadable.printable(name) + "': a dataset "
					+ "is one name of letters, digits, '.', '_' and '-', such as jrc_hela-2 (give a container's full "
					+ "address with --s3-uri instead)");
		return name;
	}

	/**
	 * @param what what the path names, for the message: {@code array} or {@code level}
	 * @return the path
	 * @throws OpenOrganelleException for a leading '/', a backslash, '%', a control character,
	 *         or a '.', '..' or empty segment
	 */
	public static String path(final String what, final String path) {
		final String problem = pathProblem(path);
		if (problem != null)
			throw new OpenOrganelleException("invalid " + what + " path '" + HumanReadable.printable(path) + "': "
					+ problem + "; give a path inside the container, such as recon-1/em/fibsem-uint8 (array) or s3 "
					+ "(level)");
		return path;
	}

	private static String pathProblem(final String path) {
		if (path.startsWith("/"))
			return "it starts with '/'";
		for (int i = 0; i < path.length(); i++) {
			final char c = path.charAt(i);
			if (Character.isISOControl(c))
				return "it holds a control character";
			if (c == '\\' || c == '%')
				return "it holds '" + c + "'";
		}
		final String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		for (final String segment : trimmed.split("/", -1))
			if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !trimmed.isEmpty()))
				return "it has a '" + segment + "' segment";
		return null;
	}
}
