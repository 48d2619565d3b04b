package org.openorganelle.fiji.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * System properties a test sets (the AWS SDK reads credentials and profile files from them),
 * each restored to what it was, or cleared, by {@link #restore()}.
 */
public final class SystemProperties {

	private final Map<String, String> saved = new HashMap<>();

	/** Sets a property, remembering its value before the first time this instance set it. */
	public void set(final String name, final String value) {
		saved.putIfAbsent(name, System.getProperty(name));
		System.setProperty(name, value);
	}

	/** Puts every property set back as it was. */
	public void restore() {
		saved.forEach((name, value) -> {
			if (value == null)
				System.clearProperty(name);
			else
				System.setProperty(name, value);
		});
		saved.clear();
	}
}
