package org.openorganelle.fiji.discovery;

import java.util.Locale;

import org.openorganelle.fiji.array.ContainerFormat;
import org.openorganelle.fiji.array.FormatException;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.n5.N5Format;
import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.zarr.ZarrV2Format;

/**
 * Which format a container is in: the one its name says ({@code .n5}, {@code .zarr}), or
 * for other names the one its root shows: an N5 root {@code attributes.json} with an
 * {@code n5} version (one read), Zarr v2 otherwise.
 */
final class ContainerFormats {

	private ContainerFormats() {
	}

	static ContainerFormat detect(final KeyValueStore store) {
		final String name = store.uri("").replaceAll("/+$", "").toLowerCase(Locale.ROOT);
		if (name.endsWith(".n5"))
			return N5Format.INSTANCE;
		if (name.endsWith(".zarr"))
			return ZarrV2Format.INSTANCE;
		try {
			return store.get(N5Format.ATTRIBUTES)
					.filter(bytes -> Json.parseObject(bytes, store.uri(N5Format.ATTRIBUTES)).has("n5"))
					.map(bytes -> (ContainerFormat) N5Format.INSTANCE).orElse(ZarrV2Format.INSTANCE);
		} catch (final FormatException e) {
			return ZarrV2Format.INSTANCE;
		}
	}
}
