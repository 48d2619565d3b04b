package org.openorganelle.fiji.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.discovery.BucketBrowser;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.discovery.ImageEntry;
import org.openorganelle.fiji.multiscale.MultiscaleGroup;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.StoreAddress;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;

/**
 * What the browser has listed, opened and read, kept for the Fiji session so that going
 * back to a dataset, an array or a thumbnail needs no request: the bucket's datasets per
 * endpoint, the open containers and their images per {@link Source}, the levels per image,
 * the thumbnail plane per level. Its stores stay open for the session, as previews read
 * chunks lazily. Every method may block on the network: call them on workers only.
 * Thread-safe; a failure is not remembered, so trying again makes the requests again.
 */
final class BrowserSession {

	/** Attempts of the bucket listing, the first one included. */
	static final int LISTING_ATTEMPTS = 2;

	/** The session of the running Fiji. */
	static final BrowserSession SHARED = new BrowserSession(new StoreFactory(), null);

	private final StoreFactory stores;
	private final Consumer<String> requestLog;
	private final Map<String, List<String>> datasets = new ConcurrentHashMap<>();
	private final Map<Source, List<Container>> containers = new ConcurrentHashMap<>();
	private final Map<Source, Map<String, List<ImageEntry>>> images = new ConcurrentHashMap<>();
	private final Map<List<Object>, MultiscaleGroup> groups = new ConcurrentHashMap<>();
	private final Map<List<Object>, List<ScaleLevel>> levels = new ConcurrentHashMap<>();
	private final Map<String, byte[]> planes = new ConcurrentHashMap<>();

	/**
	 * @param stores opens the stores, and stays open as long as this session is used
	 * @param requestLog receives a line per request, or null
	 */
	BrowserSession(final StoreFactory stores, final Consumer<String> requestLog) {
		this.stores = stores;
		this.requestLog = requestLog;
	}

	/**
	 * The bucket's dataset names: the catalogued ones first, then the others listed (one
	 * listing per endpoint and session). The listing is tried {@value #LISTING_ATTEMPTS}
	 * times, not the default six: it is the first request to a newly typed endpoint, and a
	 * wrong one should show its error (with Retry) at once, not after half a minute of
	 * backoff. Every other read keeps the default retries (exports above all).
	 *
	 * @param endpoint S3-compatible endpoint URL, or empty for AWS
	 */
	List<String> datasets(final String endpoint) {
		return datasets.computeIfAbsent(endpoint, e -> {
			final List<String> listed = new BucketBrowser(stores.open(StoreAddress.parse(DatasetLocator.PUBLIC_BUCKET),
					options(endpoint).toBuilder().maxAttempts(LISTING_ATTEMPTS).build()), DatasetCatalog.bundled())
							.datasets();
			final List<String> names = new ArrayList<>();
			DatasetCatalog.bundled().existingDatasets().stream().filter(listed::contains).forEach(names::add);
			listed.stream().filter(n -> !names.contains(n)).forEach(names::add);
			return List.copyOf(names);
		});
	}

	/**
	 * The containers of a dataset (its .zarr, then its .n5), or the one an address names
	 * (one listing of the dataset's prefix; the containers are not read).
	 */
	List<Container> containers(final Source source) {
		return containers.computeIfAbsent(source, s -> s.address().isEmpty()
				? List.copyOf(DatasetLocator.datasetContainers(stores, options(s.endpoint()), s.dataset()))
				: List.of(DatasetLocator.open(stores, options(s.endpoint()), null, s.address())));
	}

	/** One of a source's containers, by URI. */
	Container container(final Source source, final String uri) {
		return containers(source).stream().filter(c -> c.uri().equals(uri)).findFirst().orElseThrow(
				() -> new OpenOrganelleException("no container " + uri + " in " + source));
	}

	/** The images of each of a source's containers, sorted by path, by container URI (one walk of each tree). */
	Map<String, List<ImageEntry>> images(final Source source) {
		return images.computeIfAbsent(source, s -> {
			final Map<String, List<ImageEntry>> found = new LinkedHashMap<>();
			for (final Container c : containers(s))
				found.put(c.uri(), c.images("").images());
			return found;
		});
	}

	/** An image of one of a source's containers. */
	MultiscaleGroup group(final Source source, final String container, final String image) {
		return groups.computeIfAbsent(Arrays.asList(source, container, image), k -> container(source, container)
				.image(image));
	}

	/** The levels of an image, finest first. */
	List<ScaleLevel> levels(final Source source, final String container, final String image) {
		return levels.computeIfAbsent(Arrays.asList(source, container, image), k -> List.copyOf(group(source,
				container, image).levels()));
	}

	/** The voxels of a level's middle z plane (reads only that plane's chunks). */
	byte[] middlePlane(final ScaleLevel level) {
		return planes.computeIfAbsent(level.array().uri(), uri -> {
			final long[] shape = level.shape();
			final long[] start = new long[shape.length];
			final long[] size = shape.clone();
			start[0] = shape[0] / 2;
			size[0] = 1;
			return level.array().read(new Region(start, size));
		});
	}

	private StoreOptions options(final String endpoint) {
		final StoreOptions.Builder options = StoreOptions.builder();
		if (!endpoint.isEmpty())
			options.endpoint(StoreOptions.parseEndpoint(endpoint, "endpoint"));
		if (requestLog != null)
			options.requestLog(requestLog);
		return options.build();
	}
}
