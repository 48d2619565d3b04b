package org.openorganelle.fiji.store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A store on an S3 bucket prefix read with plain, anonymous HTTP(S) GETs, in the
 * virtual-host ({@code https://bucket.s3.amazonaws.com/}) or path style
 * ({@code http://host:port/bucket/}). Listing uses the S3 REST ListObjectsV2 API.
 * <p>
 * 200 returns the body (a body shorter than its Content-Length, or whose MD5 differs
 * from its ETag, is a retryable failure), 404 reads as empty (unless the bucket itself is missing), 403 throws
 * {@link AccessDeniedException}, 5xx, 429, timeouts and I/O errors throw retryable
 * {@link StoreException}s. The request timeout bounds a whole exchange, body included.
 */
public final class HttpStore implements KeyValueStore {

	private final HttpClient client;
	private final String bucketUrl;
	private final String shownBase;
	private final String listBase;
	private final String root;
	private final Duration requestTimeout;
	private final int pageSize;

	/**
	 * @param client the client to send requests with (HTTP/1.1 recommended)
	 * @param bucketUrl the URL of the bucket's root, ending with '/'
	 * @param prefix the key prefix the store is rooted at ("" for the bucket's root)
	 * @param requestTimeout how long one request, body included, may take
	 */
	public HttpStore(final HttpClient client, final URI bucketUrl, final String prefix, final Duration requestTimeout) {
		this(client, bucketUrl, null, prefix, requestTimeout, S3Store.MAX_PAGE_SIZE);
	}

	/**
	 * A store whose keys are shown (in {@link #uri}, messages and metadata) below another base
	 * than the URL it reads from: {@code s3://bucket/} for an {@code s3://} address read anonymously.
	 *
	 * @param shownBase the base of shown URIs, ending with '/'
	 */
	public HttpStore(final HttpClient client, final URI bucketUrl, final String shownBase, final String prefix,
			final Duration requestTimeout) {
		this(client, bucketUrl, shownBase, prefix, requestTimeout, S3Store.MAX_PAGE_SIZE);
	}

	/** With listing pages of at most {@code pageSize} keys, so tests can exercise pagination. */
	HttpStore(final HttpClient client, final URI bucketUrl, final String shownBase, final String prefix,
			final Duration requestTimeout, final int pageSize) {
		final String url = bucketUrl.toString();
		this.client = client;
		this.bucketUrl = url.endsWith("/") ? url : url + "/";
		this.shownBase = shownBase == null ? this.bucketUrl : shownBase;
		this.listBase = bucketUrl.getRawPath() == null || bucketUrl.getRawPath().length() <= 1 ? this.bucketUrl
				: this.bucketUrl.substring(0, this.bucketUrl.length() - 1);
		this.root = Keys.check(prefix);
		this.requestTimeout = requestTimeout;
		this.pageSize = pageSize;
	}

	@Override
	public Optional<byte[]> get(final String key) {
		final String uri = uri(key);
		final HttpResponse<byte[]> response = send(url(key), uri);
		final int status = response.statusCode();
		if (status == 200) {
			final byte[] body = checkLength(uri, response);
			BodyIntegrity.verify(uri, body, response.headers().firstValue("ETag").orElse(null), response.headers()
					.firstValue("x-amz-server-side-encryption").orElse(null), response.headers().firstValue(
							"x-amz-server-side-encryption-customer-algorithm").isPresent());
			return Optional.of(body);
		}
		if (status == 404 && !"NoSuchBucket".equals(S3Xml.errorCode(response.body()))) return Optional.empty();
		throw failure(uri, response);
	}

	@Override
	public Listing list(final String prefix) {
		final String listPrefix = Keys.asPrefix(Keys.join(root, Keys.check(prefix)));
		final String shown = shownBase + Keys.encode(listPrefix, true);
		final List<String> prefixes = new ArrayList<>();
		final List<String> objects = new ArrayList<>();
		String token = null;
		do {
			final HttpResponse<byte[]> response = send(listUrl(listPrefix, token), shown);
			if (response.statusCode() != 200) throw failure(shown, response);
			final S3Xml.ListPage page = S3Xml.parseListing(checkLength(shown, response), shown);
			for (final String common : page.commonPrefixes) Keys.addChild(prefixes, listPrefix, common);
			for (final String key : page.keys) Keys.addChild(objects, listPrefix, key);
			token = page.truncated ? page.nextContinuationToken : null;
		}
		while (token != null);
		return new Listing(prefixes, objects);
	}

	@Override
	public String uri(final String key) {
		return shownBase + Keys.encode(Keys.join(root, Keys.check(key)), true);
	}

	private String url(final String key) {
		return bucketUrl + Keys.encode(Keys.join(root, Keys.check(key)), true);
	}

	private String listUrl(final String listPrefix, final String token) {
		final StringBuilder url = new StringBuilder(listBase).append("?list-type=2&delimiter=%2F&prefix=")
				.append(Keys.encode(listPrefix, false));
		if (pageSize != S3Store.MAX_PAGE_SIZE) url.append("&max-keys=").append(pageSize);
		if (token != null) url.append("&continuation-token=").append(Keys.encode(token, false));
		return url.toString();
	}

	/** Sends a GET to {@code url}; failures name {@code uri}. */
	private HttpResponse<byte[]> send(final String url, final String uri) {
		final HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout).GET().build();
		final CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, BodyHandlers.ofByteArray());
		try {
			return response.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (final TimeoutException e) {
			response.cancel(true);
			throw new StoreException(uri, 0, true, "Request for " + uri + " timed out after "
					+ requestTimeout.toMillis() + " ms", e);
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause() == null ? e : e.getCause();
			final boolean io = cause instanceof IOException;
			final String reason = IoCauses.connection(cause, request.uri().getAuthority()).orElse(cause.getClass()
					.getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
			throw new StoreException(uri, 0, io, "Request for " + uri + " failed: " + reason, cause);
		}
		catch (final InterruptedException e) {
			response.cancel(true);
			Thread.currentThread().interrupt();
			throw new StoreException(uri, 0, false, "Interrupted while reading " + uri, e);
		}
	}

	private static byte[] checkLength(final String uri, final HttpResponse<byte[]> response) {
		final byte[] body = response.body();
		final OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
		if (declared.isPresent() && declared.getAsLong() != body.length) {
			throw new StoreException(uri, response.statusCode(), true, "Truncated answer for " + uri + ": received "
					+ body.length + " of " + declared.getAsLong() + " bytes", null);
		}
		return body;
	}

	private static StoreException failure(final String uri, final HttpResponse<byte[]> response) {
		final int status = response.statusCode();
		final String code = S3Xml.errorCode(response.body());
		if (status == 403) return new AccessDeniedException(uri, status, null);
		if (status == 404 && "NoSuchBucket".equals(code)) {
			return new StoreException(uri, status, false, "The bucket of " + uri
					+ " does not exist (HTTP 404 NoSuchBucket): check the address", null);
		}
		if (status == 404) {
			return new StoreException(uri, status, false, "No S3 listing at " + uri
					+ " (HTTP 404): the server does not answer the S3 ListObjectsV2 API", null);
		}
		final Optional<String> region = response.headers().firstValue("x-amz-bucket-region");
		if (status >= 300 && status < 400 && region.isPresent()) {
			return new StoreException(uri, status, false, "Request for " + uri + " was redirected (HTTP " + status
					+ "): the bucket is in region " + region.get() + "; use its regional URL (https://BUCKET.s3."
					+ region.get() + ".amazonaws.com/KEY) or an s3:// address", null);
		}
		final boolean retryable = status >= 500 || status == 429 || "SlowDown".equals(code);
		return new StoreException(uri, status, retryable, "Request for " + uri + " failed: HTTP " + status
				+ (code.isEmpty() ? "" : " " + code) + (retryable ? " (temporary)" : ""), null);
	}
}
