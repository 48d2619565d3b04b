package org.openorganelle.fiji.testing;

import org.openorganelle.fiji.store.KeyValueStore;
import org.openorganelle.fiji.store.StoreAddress;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;

/**
 * The miniature of {@code s3://janelia-cosem-datasets} (committed fixtures) served by the
 * shared loopback S3 server under the real bucket name, uploaded once per JVM.
 */
public final class PublicBucket {

	/** The bucket's real name. */
	public static final String NAME = "janelia-cosem-datasets";

	private PublicBucket() {
	}

	/** The running server holding the bucket. */
	public static S3TestServer server() {
		return S3TestServer.shared().withBucket(NAME, Fixtures.bucket());
	}

	/** Store options pointing at the loopback server (anonymous, path style). */
	public static StoreOptions options() {
		return StoreOptions.builder().endpoint(server().endpoint()).build();
	}

	/** A store rooted at {@code s3://janelia-cosem-datasets/<key>} on the loopback server. */
	public static KeyValueStore open(final StoreFactory factory, final String key) {
		final StoreAddress bucket = StoreAddress.parse("s3://" + NAME);
		return factory.open(key.isEmpty() ? bucket : bucket.resolve(key), options());
	}
}
