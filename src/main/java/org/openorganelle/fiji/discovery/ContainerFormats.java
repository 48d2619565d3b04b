package org.openorganelle.fiji.discovery;

import java.util.Locale;

import org.openorganelle.fiji.array.ContainerFormat;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.n5.N5Format;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.zarr.ZarrV2Format;
import org.openorganelle.fiji.zarr3.ZarrV3Format;

/**
 * Which format a container is in: N5 when its name ends in {@code .n5}; Zarr v3 when its
 * root has a {@code zarr.json} (one read); N5 when a container named otherwise than
 * {@code .zarr} has a root {@code attributes.json} with an {@code n5} version (one more
 * read); Zarr v2 otherwise.
 */
final class ContainerFormats {

	private ContainerFormats() {
	}

	/** Whether the container's name ends in {@code .n5}. */
	static boolean hasN5Name(final KeyValueStore store) {
		return name(store).endsWith(".n5");
	}

	static ContainerFormat detect(final KeyValueStore store) {
		final String name = name(store);
		if (name.endsWith(".n5"))
			return N5Format.INSTANCE;
		if (has(store, ZarrV3Format.METADATA, "zarr_format"))
			return ZarrV3Format.INSTANCE;
		if (!name.endsWith(".zarr") && has(store, N5Format.ATTRIBUTES, "n5"))
			return N5Format.INSTANCE;
		return ZarrV2Format.INSTANCE;
	}

	private static String name(final KeyValueStore store) {
		return store.uri("").replaceAll("/+$", "").toLowerCase(Locale.ROOT);
	}

	/** Whether the root document {@code key} exists and holds {@code field}; a malformed one does not count. */
	private static boolean has(final KeyValueStore store, final String key, final String field) {
		try {
			return Json.read(store, key).map(document -> document.has(field)).orElse(false);
		} catch (final FormatException e) {
			return false;
		}
	}
}
