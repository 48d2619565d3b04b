package org.openorganelle.fiji.discovery;

import java.util.regex.Pattern;

import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.store.Keys;

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
	 * @throws OpenOrganelleException for what {@link Keys#problem} refuses, and for '%'
	 */
	public static String path(final String what, final String path) {
		final String problem = pathProblem(path);
		if (problem != null)
			throw new OpenOrganelleException("invalid " + what + " path '" + HumanReadable.printable(path) + "': "
					+ problem + "; give a path inside the container, such as recon-1/em/fibsem-uint8 (array) or s3 "
					+ "(level)");
		return path;
	}

	/** The store's key check, and no '%' (URL-encoded names are not decoded). */
	private static String pathProblem(final String path) {
		final String problem = Keys.problem(path);
		if (problem != null || path.indexOf('%') < 0)
			return problem;
		return "it must not contain '%'";
	}
}
