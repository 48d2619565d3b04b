package org.openorganelle.fiji.store;

/**
 * Opens stores through one process-wide {@link StoreFactory}, so every store opened
 * in a run shares its S3 clients and connection pools. Those clients live as long as
 * the JVM; use an own {@link StoreFactory} to close them earlier.
 */
public final class Stores {

	private static final StoreFactory SHARED = new StoreFactory();

	private Stores() {}

	/**
	 * Opens the store an address names, rooted at its prefix, with retries and request
	 * logging as the options say (see {@link StoreFactory#open(StoreAddress, StoreOptions)}).
	 */
	public static KeyValueStore open(final StoreAddress address, final StoreOptions options) {
		return SHARED.open(address, options);
	}

	/** Parses an address ({@link StoreAddress#parse(String)}) and opens its store. */
	public static KeyValueStore open(final String address, final StoreOptions options) {
		return open(StoreAddress.parse(address), options);
	}
}
