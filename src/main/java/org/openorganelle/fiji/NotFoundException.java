package org.openorganelle.fiji;

import java.util.List;

/**
 * A dataset, container, array or level that does not exist. The message names what was
 * asked for, where it was looked for, and the closest valid names.
 */
public class NotFoundException extends OpenOrganelleException {

	private static final long serialVersionUID = 1L;

	private final List<String> suggestions;

	/**
	 * @param what the kind of thing, e.g. "dataset" or "level"
	 * @param name what the user asked for
	 * @param where where it was looked for (a URI)
	 * @param candidates the valid names, from which the closest are suggested
	 */
	public NotFoundException(final String what, final String name, final String where,
			final List<String> candidates) {
		this(what, name, where, candidates, "");
	}

	/** As {@link #NotFoundException(String, String, String, List)}, with a hint appended to the message. */
	public NotFoundException(final String what, final String name, final String where,
			final List<String> candidates, final String hint) {
		this(message(what, name, where, Suggestions.closest(name, candidates), candidates.isEmpty(), hint),
				Suggestions.closest(name, candidates));
	}

	/** A not-found error with a complete message and no suggestions. */
	public NotFoundException(final String message) {
		this(message, List.of());
	}

	private NotFoundException(final String message, final List<String> suggestions) {
		super(message);
		this.suggestions = List.copyOf(suggestions);
	}

	private static String message(final String what, final String name, final String where,
			final List<String> suggestions, final boolean noneExist, final String hint) {
		final StringBuilder m = new StringBuilder("unknown " + what + " '" + name + "' in " + where);
		if (noneExist)
			m.append(" (it holds no ").append(what).append(" at all)");
		else if (!suggestions.isEmpty())
			m.append("; did you mean: ").append(String.join(", ", suggestions));
		if (!hint.isEmpty())
			m.append("; ").append(hint);
		return m.toString();
	}

	/** The closest valid names, best first. */
	public List<String> suggestions() {
		return suggestions;
	}
}
