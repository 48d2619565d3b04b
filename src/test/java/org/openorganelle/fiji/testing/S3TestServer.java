package org.openorganelle.fiji.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A real S3-compatible server (s3proxy with its in-memory {@code transient} backend)
 * listening on a free loopback port, for tests that must speak the S3 protocol without
 * touching AWS.
 * <p>
 * {@link #start()} answers anonymous requests ({@code AuthenticationType.NONE});
 * {@link #startCredentialed()} demands AWS signatures (V2 or V4) made with
 * {@link #accessKey()} / {@link #secretKey()} and answers 403 to anything else.
 * Buckets and objects are created directly in the backend, so seeding thousands of
 * objects is fast.
 */
public final class S3TestServer implements AutoCloseable {

	private static final String ACCESS_KEY = "test-access-key";
	private static final String SECRET_KEY = "test-secret-key-0123456789";
	private static final long START_TIMEOUT_MS = 30_000;

	private static S3TestServer sharedAnonymous;
	private static S3TestServer sharedCredentialed;

	private final Set<String> uploadedBuckets = new HashSet<>();

	private final BlobStore blobStore;
	private final S3Proxy proxy;
	private final URI endpoint;
	private final boolean credentialed;

	private S3TestServer(final boolean credentialed) throws Exception {
		this.credentialed = credentialed;
		blobStore = BlobStores.create("transient", new Properties());
		final S3Proxy.Builder builder = S3Proxy.builder() //
				.blobStore(blobStore) //
				.endpoint(URI.create("http://127.0.0.1:0")) //
				.stopTimeout(0);
		if (credentialed) builder.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
		else builder.awsAuthentication(AuthenticationType.NONE, "", "");
		proxy = builder.build();
		proxy.start();
		final long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
		while (!"STARTED".equals(proxy.getState())) {
			if (System.currentTimeMillis() > deadline) {
				proxy.stop();
				throw new IllegalStateException("s3proxy did not start within " + START_TIMEOUT_MS + " ms");
			}
			Thread.sleep(10);
		}
		endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
	}

	/** Starts a server that accepts anonymous (unsigned) requests. */
	public static S3TestServer start() {
		return startServer(false);
	}

	/** Starts a server that only accepts requests signed with {@link #accessKey()} / {@link #secretKey()}. */
	public static S3TestServer startCredentialed() {
		return startServer(true);
	}

	/** A JVM-wide anonymous server, started on first use and stopped when the JVM exits. */
	public static synchronized S3TestServer shared() {
		if (sharedAnonymous == null) sharedAnonymous = stopAtExit(start());
		return sharedAnonymous;
	}

	/** A JVM-wide credentialed server, started on first use and stopped when the JVM exits. */
	public static synchronized S3TestServer sharedCredentialed() {
		if (sharedCredentialed == null) sharedCredentialed = stopAtExit(startCredentialed());
		return sharedCredentialed;
	}

	/** The server's base URI, {@code http://127.0.0.1:PORT}. */
	public URI endpoint() {
		return endpoint;
	}

	/** Whether requests must be signed. */
	public boolean isCredentialed() {
		return credentialed;
	}

	/** The access key id a credentialed server accepts. */
	public String accessKey() {
		return ACCESS_KEY;
	}

	/** The secret key a credentialed server accepts. */
	public String secretKey() {
		return SECRET_KEY;
	}

	/** Creates a bucket (a name of at least 3 characters); does nothing if it exists. */
	public void createBucket(final String bucket) {
		if (!blobStore.containerExists(bucket)) blobStore.createContainer(bucket);
	}

	/** Stores one object. */
	public void put(final String bucket, final String key, final byte[] data) {
		final PutObjectRequest request = PutObjectRequest.builder() //
				.bucket(bucket).key(key).contentLength((long) data.length) //
				.contentType("application/octet-stream").build();
		blobStore.putBlob(request, new ByteArrayInputStream(data));
	}

	/**
	 * Stores every regular file below {@code dir} as an object whose key is
	 * {@code keyPrefix}, '/', and the file's '/'-separated path relative to {@code dir}.
	 * Creates the bucket if needed.
	 *
	 * @param keyPrefix e.g. {@code "data/x.zarr"}, or {@code ""} to upload to the bucket's root
	 * @return the number of objects stored
	 */
	public int uploadDirectory(final String bucket, final Path dir, final String keyPrefix) {
		createBucket(bucket);
		final String prefix = keyPrefix.isEmpty() || keyPrefix.endsWith("/") ? keyPrefix : keyPrefix + "/";
		final List<Path> files;
		try (Stream<Path> walk = Files.walk(dir)) {
			files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot list " + dir, e);
		}
		for (final Path file : files) {
			final String relative = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
			try {
				put(bucket, prefix + relative, Files.readAllBytes(file));
			}
			catch (final IOException e) {
				throw new UncheckedIOException("Cannot read " + file, e);
			}
		}
		return files.size();
	}

	/**
	 * Uploads a directory as a whole bucket ({@link #uploadDirectory}) the first time it is
	 * asked for, so that fixtures shared by several test classes are uploaded once per JVM.
	 *
	 * @return this server
	 */
	public synchronized S3TestServer withBucket(final String bucket, final Path dir) {
		if (uploadedBuckets.add(bucket))
			uploadDirectory(bucket, dir, "");
		return this;
	}

	/** Stops the server. */
	@Override
	public void close() {
		try {
			proxy.stop();
		}
		catch (final Exception e) {
			throw new IllegalStateException("Cannot stop s3proxy at " + endpoint, e);
		}
		finally {
			blobStore.close();
		}
	}

	private static S3TestServer startServer(final boolean credentialed) {
		try {
			return new S3TestServer(credentialed);
		}
		catch (final RuntimeException e) {
			throw e;
		}
		catch (final Exception e) {
			throw new IllegalStateException("Cannot start s3proxy on loopback", e);
		}
	}

	private static S3TestServer stopAtExit(final S3TestServer server) {
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-s3-test-server"));
		return server;
	}
}
