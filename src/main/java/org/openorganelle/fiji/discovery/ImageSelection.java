package org.openorganelle.fiji.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.openorganelle.fiji.NotFoundException;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.NodePaths;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.multiscale.ScaleLevel;

/**
 * A level of a multiscale image chosen by what users type: a multiscale group plus a
 * level ({@code recon-2/em/fibsem-int16} and {@code s8}), a level path
 * ({@code recon-2/em/fibsem-int16/s8}), or a parent group holding a single image
 * ({@code recon-2/em}).
 */
public final class ImageSelection {

	private static final Pattern LEVEL = Pattern.compile("s\\d+");

	private final MultiscaleGroup group;
	private final ScaleLevel level;

	private ImageSelection(final MultiscaleGroup group, final ScaleLevel level) {
		this.group = group;
		this.level = level;
	}

	/**
	 * @param path what the user typed
	 * @param defaultLevel the level to use when the path does not name one
	 * @param explicitLevel whether the user gave the level (a conflicting level path is then an error)
	 * @throws NotFoundException when nothing matches, naming the closest images or levels
	 * @throws OpenOrganelleException when the path is ambiguous, listing the candidates
	 */
	public static ImageSelection resolve(final Container container, final String path, final String defaultLevel,
			final boolean explicitLevel) {
		final String p = NodePaths.normalize(UserNames.path("array", path));
		UserNames.path("level", defaultLevel);
		if (p.isEmpty())
			throw new OpenOrganelleException("no array given: name one of " + container.imagePaths());
		final Optional<MultiscaleGroup> group = container.store().list(p).isEmpty() ? Optional.empty()
				: MultiscaleGroup.find(container.store(), container.format(), p);
		if (group.isPresent())
			return new ImageSelection(group.get(), group.get().level(defaultLevel));
		final String name = NodePaths.name(p);
		if (LEVEL.matcher(name).matches() && p.length() > name.length()) {
			final String parent = p.substring(0, p.length() - name.length() - 1);
			final Optional<MultiscaleGroup> owner = MultiscaleGroup.find(container.store(), container.format(), parent);
			if (owner.isPresent() && owner.get().levelNames().contains(name)) {
				if (explicitLevel && !name.equals(defaultLevel))
					throw new OpenOrganelleException("the path " + p + " names level " + name + " but --level is "
							+ defaultLevel + "; give one of them");
				return new ImageSelection(owner.get(), owner.get().level(name));
			}
		}
		final List<ImageEntry> below = container.store().list(p).isEmpty() ? List.of()
				: container.images(p).images();
		if (below.size() == 1)
			return new ImageSelection(container.image(below.get(0).path()),
					container.image(below.get(0).path()).level(defaultLevel));
		if (below.size() > 1) {
			final List<String> paths = new ArrayList<>();
			below.forEach(e -> paths.add(e.path()));
			throw new OpenOrganelleException("the path " + p + " in " + container.uri() + " holds " + below.size()
					+ " arrays; give one of: " + String.join(", ", paths));
		}
		throw new NotFoundException("array", p, container.uri(), container.imagePaths());
	}

	/** The multiscale image. */
	public MultiscaleGroup group() {
		return group;
	}

	/** The chosen level. */
	public ScaleLevel level() {
		return level;
	}
}
