package org.openorganelle.fiji.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.discovery.BucketBrowser;
import org.openorganelle.fiji.discovery.Container;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.discovery.ImageEntry;
import org.openorganelle.fiji.multiscale.ScaleLevel;
import org.openorganelle.fiji.store.StoreAddress;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;

/**
 * What the Browse dialog has listed and opened, kept for the Fiji session so that
 * reopening the dialog or going back to a dataset needs no request: the bucket's
 * datasets per endpoint, the open container and its images per dataset (or address), the
 * levels per image. Its stores stay open for the session, as previews read chunks
 * lazily. Thread-safe; a failed listing is not remembered.
 */
final class BrowseSession {

	/** The session of the running Fiji. */
	static final BrowseSession SHARED = new BrowseSession(new StoreFactory(), null);

	private final StoreFactory stores;
	private final Consumer<String> requestLog;
	private final Map<String, List<String>> datasets = new ConcurrentHashMap<>();
	private final Map<List<String>, Container> containers = new ConcurrentHashMap<>();
	private final Map<List<String>, List<String>> images = new ConcurrentHashMap<>();
	private final Map<List<String>, List<ScaleLevel>> levels = new ConcurrentHashMap<>();

	/**
	 * @param stores opens the stores, and stays open as long as this session is used
	 * @param requestLog receives a line per request, or null
	 */
	BrowseSession(final StoreFactory stores, final Consumer<String> requestLog) {
		this.stores = stores;
		this.requestLog = requestLog;
	}

	/**
	 * The bucket's dataset names: the catalogued ones first, then the others listed.
	 *
	 * @param endpoint S3-compatible endpoint URL, or null/empty for AWS
	 * @param listing called before the (only) listing of the endpoint's bucket
	 */
	List<String> datasets(final String endpoint, final Runnable listing) {
		return datasets.computeIfAbsent(key(endpoint), e -> {
			listing.run();
			final List<String> listed = new BucketBrowser(stores.open(StoreAddress.parse(DatasetLocator.PUBLIC_BUCKET),
					options(endpoint)), DatasetCatalog.bundled()).datasets();
			final List<String> names = new ArrayList<>();
			DatasetCatalog.bundled().existingDatasets().stream().filter(listed::contains).forEach(names::add);
			listed.stream().filter(n -> !names.contains(n)).forEach(names::add);
			return List.copyOf(names);
		});
	}

	/** The image paths of a dataset's container, or of the container at an address when one is given. */
	List<String> images(final String endpoint, final String dataset, final String address) {
		return images.computeIfAbsent(key(endpoint, dataset, address), k -> {
			final List<String> paths = new ArrayList<>();
			for (final ImageEntry image : container(endpoint, dataset, address).images("").images())
				paths.add(image.path());
			return List.copyOf(paths);
		});
	}

	/** The levels of an image, finest first. */
	List<ScaleLevel> levels(final String endpoint, final String dataset, final String address, final String image) {
		final List<String> key = new ArrayList<>(key(endpoint, dataset, address));
		key.add(image);
		return levels.computeIfAbsent(key, k -> List.copyOf(container(endpoint, dataset, address).image(image)
				.levels()));
	}

	private Container container(final String endpoint, final String dataset, final String address) {
		return containers.computeIfAbsent(key(endpoint, dataset, address),
				k -> DatasetLocator.open(stores, options(endpoint), CommandInputs.optional(dataset),
						CommandInputs.optional(address)));
	}

	private StoreOptions options(final String endpoint) {
		final StoreOptions options = CommandInputs.storeOptions(endpoint, null);
		return requestLog == null ? options : options.toBuilder().requestLog(requestLog).build();
	}

	private static String key(final String value) {
		final String v = CommandInputs.optional(value);
		return v == null ? "" : v;
	}

	private static List<String> key(final String endpoint, final String dataset, final String address) {
		return key(address).isEmpty() ? Arrays.asList(key(endpoint), key(dataset), "")
				: Arrays.asList(key(endpoint), "", key(address));
	}
}
