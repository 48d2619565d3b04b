package org.openorganelle.fiji.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A store on an S3 bucket prefix read with plain, anonymous HTTP(S) GETs, in the
 * virtual-host ({@code https://bucket.s3.amazonaws.com/}) or path style
 * ({@code http://host:port/bucket/}). Listing uses the S3 REST ListObjectsV2 API.
 * <p>
 * 200 returns the body (a body shorter than its Content-Length, or whose MD5 differs
 * from its ETag, is a retryable failure), 404 reads as empty (unless the bucket itself is missing), 403 throws
 * {@link AccessDeniedException}, 5xx, 429, timeouts and I/O errors throw retryable
 * {@link StoreException}s.
 * <p>
 * Requests go through {@link HttpURLConnection}: blocking reads straight into the body's
 * array, on connections the JDK keeps alive between requests. On this project's benchmark
 * it fetches the same chunks 3× faster than {@code java.net.http.HttpClient}, whose one
 * selector thread and buffer copies limited an export. The request timeout bounds the
 * connection and every wait for data.
 */
public final class HttpStore implements KeyValueStore {

	private final Duration connectTimeout;
	private final String bucketUrl;
	private final String shownBase;
	private final String listBase;
	private final String root;
	private final Duration requestTimeout;
	private final int pageSize;

	/**
	 * @param connectTimeout how long connecting may take
	 * @param bucketUrl the URL of the bucket's root, ending with '/'
	 * @param prefix the key prefix the store is rooted at ("" for the bucket's root)
	 * @param requestTimeout how long a request may wait for data
	 */
	public HttpStore(final Duration connectTimeout, final URI bucketUrl, final String prefix,
			final Duration requestTimeout) {
		this(connectTimeout, bucketUrl, null, prefix, requestTimeout, S3Store.MAX_PAGE_SIZE);
	}

	/**
	 * A store whose keys are shown (in {@link #uri}, messages and metadata) below another base
	 * than the URL it reads from: {@code s3://bucket/} for an {@code s3://} address read anonymously.
	 *
	 * @param shownBase the base of shown URIs, ending with '/'
	 */
	public HttpStore(final Duration connectTimeout, final URI bucketUrl, final String shownBase, final String prefix,
			final Duration requestTimeout) {
		this(connectTimeout, bucketUrl, shownBase, prefix, requestTimeout, S3Store.MAX_PAGE_SIZE);
	}

	/** With listing pages of at most {@code pageSize} keys, so tests can exercise pagination. */
	HttpStore(final Duration connectTimeout, final URI bucketUrl, final String shownBase, final String prefix,
			final Duration requestTimeout, final int pageSize) {
		final String url = bucketUrl.toString();
		this.connectTimeout = connectTimeout;
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
		final Answer response = send(url(key), uri, null);
		final int status = response.status;
		if (status == 200) {
			final byte[] body = checkLength(uri, response);
			BodyIntegrity.verify(uri, body, response.etag, response.encryption, response.customerKey);
			return Optional.of(body);
		}
		if (isAbsent(response)) return Optional.empty();
		throw failure(uri, response);
	}

	@Override
	public Optional<byte[]> getRange(final String key, final ByteRange range) {
		final String uri = uri(key);
		final Answer response = send(url(key), uri, range.header());
		final int status = response.status;
		if (status == 206) return Optional.of(RangeAnswers.check(uri, range, checkLength(uri, response),
				response.contentRange));
		if (status == 200) {
			final byte[] body = checkLength(uri, response);
			BodyIntegrity.verify(uri, body, response.etag, response.encryption, response.customerKey);
			return Optional.of(range.slice(body, uri));
		}
		if (status == 416) throw RangeAnswers.pastEnd(uri, range, response.contentRange);
		if (isAbsent(response)) return Optional.empty();
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
			final Answer response = send(listUrl(listPrefix, token), shown, null);
			if (response.status != 200) throw failure(shown, response);
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

	/** Sends a GET to {@code url} (with a {@code Range} header unless null) and reads the whole answer; failures name {@code uri}. */
	private Answer send(final String url, final String uri, final String range) {
		final URI target = URI.create(url);
		try {
			final HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
			connection.setConnectTimeout(millis(connectTimeout));
			connection.setReadTimeout(millis(requestTimeout));
			connection.setInstanceFollowRedirects(true);
			connection.setUseCaches(false);
			if (range != null) connection.setRequestProperty("Range", range);
			final int status = connection.getResponseCode();
			final long declared = connection.getContentLengthLong();
			final byte[] body;
			try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
				body = in == null ? new byte[0] : read(in, declared, uri);
			}
			return new Answer(status, body, declared, connection);
		}
		catch (final SocketTimeoutException e) {
			throw new StoreException(uri, 0, true, "Request for " + uri + " timed out after "
					+ requestTimeout.toMillis() + " ms", e);
		}
		catch (final IOException e) {
			final String reason = IoCauses.connection(e, target.getAuthority()).orElse(e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : ": " + e.getMessage()));
			throw new StoreException(uri, 0, true, "Request for " + uri + " failed: " + reason, e);
		}
	}

	/** A timeout as {@link HttpURLConnection} takes it: whole milliseconds, at most {@link Integer#MAX_VALUE}. */
	private static int millis(final Duration timeout) {
		return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
	}

	/** The body: {@code declared} bytes read straight into its array (fewer if the stream ends early), or all there are. */
	private static byte[] read(final InputStream in, final long declared, final String uri) throws IOException {
		if (declared < 0) return in.readAllBytes();
		if (declared > Integer.MAX_VALUE - 8) {
			throw new StoreException(uri, 0, false, "The answer for " + uri + " is " + declared
					+ " bytes, too large to hold", null);
		}
		final byte[] body = new byte[(int) declared];
		int at = 0;
		while (at < body.length) {
			final int n = in.read(body, at, body.length - at);
			if (n < 0) return Arrays.copyOf(body, at);
			at += n;
		}
		return body;
	}

	/** A 404 for the key itself, not for a missing bucket. */
	private static boolean isAbsent(final Answer response) {
		return response.status == 404 && !"NoSuchBucket".equals(S3Xml.errorCode(response.body));
	}

	private static byte[] checkLength(final String uri, final Answer response) {
		if (response.declared >= 0 && response.declared != response.body.length) {
			throw new StoreException(uri, 0, true, "Truncated answer for " + uri + ": received "
					+ response.body.length + " of " + response.declared + " bytes", null);
		}
		return response.body;
	}

	private static StoreException failure(final String uri, final Answer response) {
		final int status = response.status;
		final String code = S3Xml.errorCode(response.body);
		if (status == 403) return new AccessDeniedException(uri, status, null);
		if (status == 404 && "NoSuchBucket".equals(code)) {
			return new StoreException(uri, status, false, "The bucket of " + uri
					+ " does not exist (HTTP 404 NoSuchBucket): check the address", null);
		}
		if (status == 404) {
			return new StoreException(uri, status, false, "No S3 listing at " + uri
					+ " (HTTP 404): the server does not answer the S3 ListObjectsV2 API", null);
		}
		final String region = response.region;
		if (status >= 300 && status < 400 && region != null) {
			return new StoreException(uri, status, false, "Request for " + uri + " was redirected (HTTP " + status
					+ "): the bucket is in region " + region + "; use its regional URL (https://BUCKET.s3."
					+ region + ".amazonaws.com/KEY) or an s3:// address", null);
		}
		final boolean retryable = status >= 500 || status == 429 || "SlowDown".equals(code);
		return new StoreException(uri, status, retryable, "Request for " + uri + " failed: HTTP " + status
				+ (code.isEmpty() ? "" : " " + code) + (retryable ? " (temporary)" : ""), null);
	}

	/** A whole answer: status, body, declared length and the headers this store reads. */
	private static final class Answer {
		final int status;
		final byte[] body;
		final long declared;
		final String etag;
		final String encryption;
		final boolean customerKey;
		final String region;
		final String contentRange;

		Answer(final int status, final byte[] body, final long declared, final HttpURLConnection connection) {
			this.status = status;
			this.body = body;
			this.declared = declared;
			this.etag = connection.getHeaderField("ETag");
			this.encryption = connection.getHeaderField("x-amz-server-side-encryption");
			this.customerKey = connection.getHeaderField("x-amz-server-side-encryption-customer-algorithm") != null;
			this.region = connection.getHeaderField("x-amz-bucket-region");
			this.contentRange = connection.getHeaderField("Content-Range");
		}
	}
}
