package org.openorganelle.fiji.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openorganelle.fiji.OpenOrganelleException;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Opens stores and owns the network clients behind them: stores opened with the same
 * credentials, endpoint, region and timeouts share one {@link S3Client} (and one
 * connection pool), so opening many addresses in one run stays cheap. Closing the
 * factory closes those clients; stores it opened on them stop working then. Stores read
 * with plain HTTP use the JDK's own connection cache, shared by the whole JVM.
 * <p>
 * Every store it opens is wrapped in a {@link RetryingStore} (retries and the request
 * log). Thread-safe.
 */
public final class StoreFactory implements AutoCloseable {

	private final Map<List<Object>, S3Client> s3Clients = new HashMap<>();
	private final List<SdkAutoCloseable> resources = new ArrayList<>();
	private boolean closed;

	/**
	 * Opens the store an address names.
	 * <ul>
	 * <li>{@code s3://}: read anonymously (the default), an {@link HttpStore} on the bucket's
	 * URL — path style on the options' effective endpoint if any, else AWS's virtual-host URL —
	 * whose URIs still read {@code s3://}; with credentials, an {@link S3Store} (signing needs
	 * the SDK), against the effective endpoint if any;</li>
	 * <li>{@code http(s)://}: an {@link HttpStore} for anonymous access, else an
	 * {@link S3Store} on the URL's bucket and endpoint;</li>
	 * <li>a local path: a {@link FileStore}.</li>
	 * </ul>
	 *
	 * @throws OpenOrganelleException if the factory is closed or an endpoint from the environment is invalid
	 */
	public synchronized KeyValueStore open(final StoreAddress address, final StoreOptions options) {
		if (closed) throw new OpenOrganelleException("Cannot open " + address + ": the store factory is closed");
		return new RetryingStore(backend(address, options), options);
	}

	/** Closes every client this factory created. */
	@Override
	public synchronized void close() {
		if (closed) return;
		closed = true;
		s3Clients.values().forEach(S3Client::close);
		resources.forEach(SdkAutoCloseable::close);
		s3Clients.clear();
		resources.clear();
	}

	private KeyValueStore backend(final StoreAddress address, final StoreOptions options) {
		final String region = address.region().orElse(null);
		switch (address.kind()) {
			case FILE:
				return new FileStore(address.localPath().orElseThrow());
			case S3: {
				final URI endpoint = options.effectiveEndpoint().orElse(null);
				if (options.credentialsMode() == StoreOptions.CredentialsMode.ANONYMOUS) {
					return new HttpStore(options.connectTimeout(), anonymousBucketUrl(address, endpoint), "s3://"
							+ address.bucket() + "/", address.prefix(), options.requestTimeout());
				}
				return new S3Store(s3Client(options, endpoint, region), address.bucket(), address.prefix());
			}
			default:
				if (options.credentialsMode() == StoreOptions.CredentialsMode.ANONYMOUS) {
					return new HttpStore(options.connectTimeout(), address.bucketUrl().orElseThrow(),
							address.prefix(), options.requestTimeout());
				}
				return new S3Store(s3Client(options, address.endpoint().orElse(null), region), address.bucket(),
						address.prefix());
		}
	}

	/**
	 * The URL an {@code s3://} bucket is read from without the SDK: path style below an
	 * S3-compatible endpoint, as the SDK's client is configured for one; on AWS the
	 * virtual-host URL, which reaches the bucket in whatever region it is (path style on the
	 * global endpoint for a bucket name with dots, which TLS certificates do not cover).
	 */
	private static URI anonymousBucketUrl(final StoreAddress address, final URI endpoint) {
		final String bucket = Keys.encode(address.bucket(), false);
		if (endpoint != null) {
			final String base = endpoint.toString();
			return URI.create((base.endsWith("/") ? base : base + "/") + bucket + "/");
		}
		if (address.bucket().contains(".")) return URI.create("https://s3.amazonaws.com/" + bucket + "/");
		return URI.create("https://" + bucket + ".s3.amazonaws.com/");
	}

	private S3Client s3Client(final StoreOptions options, final URI endpoint, final String addressRegion) {
		final Region region = S3Clients.region(options, addressRegion);
		final List<Object> key = Arrays.asList(options.credentialsMode(), options.profileName().orElse(null),
				endpoint, region, options.connectTimeout(), options.requestTimeout());
		S3Client client = s3Clients.get(key);
		if (client == null) {
			final AwsCredentialsProvider credentials = S3Clients.credentials(options);
			if (credentials instanceof SdkAutoCloseable) resources.add((SdkAutoCloseable) credentials);
			try {
				client = S3Clients.create(options, credentials, endpoint, region);
			}
			catch (final NoClassDefFoundError e) {
				throw new OpenOrganelleException("Cannot read s3:// addresses: " + e.getMessage().replace('/', '.')
						+ " is missing from this installation; OpenOrganelle needs the AWS SDK v2 with its "
						+ "apache5-client, as Fiji 2.18 or newer ships it (or use the bucket's https:// address, "
						+ "which needs no SDK)", e);
			}
			s3Clients.put(key, client);
		}
		return client;
	}
}
