package org.openorganelle.fiji.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A store on an S3 bucket prefix, read through an AWS SDK v2 {@link S3Client}. The
 * client decides credentials, region and endpoint; its own retries should be disabled
 * (a {@link RetryingStore} retries instead).
 * <p>
 * A missing key ({@code NoSuchKey}, 404) reads as empty; 403 throws
 * {@link AccessDeniedException}; 5xx, 429, throttling and I/O failures (timeouts,
 * resets, truncated bodies) and a body whose MD5 differs from its ETag
 * ({@link BodyIntegrity}) throw retryable {@link StoreException}s; a missing bucket and
 * every other failure throws a non-retryable one.
 */
public final class S3Store implements KeyValueStore {

	/** S3's largest listing page. */
	static final int MAX_PAGE_SIZE = 1000;

	private final S3Client client;
	private final String bucket;
	private final String root;
	private final int pageSize;

	/**
	 * @param client the client to read with; the caller keeps ownership and closes it
	 * @param bucket the bucket
	 * @param prefix the key prefix the store is rooted at ("" for the bucket's root)
	 */
	public S3Store(final S3Client client, final String bucket, final String prefix) {
		this(client, bucket, prefix, MAX_PAGE_SIZE);
	}

	/** With listing pages of at most {@code pageSize} keys, so tests can exercise pagination. */
	S3Store(final S3Client client, final String bucket, final String prefix, final int pageSize) {
		this.client = client;
		this.bucket = bucket;
		this.root = Keys.check(prefix);
		this.pageSize = pageSize;
	}

	@Override
	public Optional<byte[]> get(final String key) {
		final String fullKey = Keys.join(root, Keys.check(key));
		try {
			final ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(b -> b.bucket(bucket).key(
					fullKey));
			final byte[] body = object.asByteArrayUnsafe();
			final GetObjectResponse response = object.response();
			BodyIntegrity.verify(objectUri(fullKey), body, response.eTag(), response.serverSideEncryptionAsString(),
					response.sseCustomerAlgorithm() != null);
			return Optional.of(body);
		}
		catch (final NoSuchKeyException e) {
			return Optional.empty();
		}
		catch (final SdkException e) {
			throw failure(objectUri(fullKey), e);
		}
	}

	@Override
	public Optional<byte[]> getRange(final String key, final ByteRange range) {
		final String fullKey = Keys.join(root, Keys.check(key));
		final String uri = objectUri(fullKey);
		try {
			final ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(b -> b.bucket(bucket).key(
					fullKey).range(range.header()));
			final GetObjectResponse response = object.response();
			if (response.contentRange() == null) return Optional.of(range.slice(object.asByteArrayUnsafe(), uri));
			return Optional.of(RangeAnswers.check(uri, range, object.asByteArrayUnsafe(), response.contentRange()));
		}
		catch (final NoSuchKeyException e) {
			return Optional.empty();
		}
		catch (final AwsServiceException e) {
			if (e.statusCode() == 416) throw RangeAnswers.pastEnd(uri, range, null);
			throw failure(uri, e);
		}
		catch (final SdkException e) {
			throw failure(uri, e);
		}
	}

	@Override
	public Listing list(final String prefix) {
		final String listPrefix = Keys.asPrefix(Keys.join(root, Keys.check(prefix)));
		final List<String> prefixes = new ArrayList<>();
		final List<String> objects = new ArrayList<>();
		String token = null;
		do {
			final ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket)
					.prefix(listPrefix).delimiter("/").maxKeys(pageSize);
			if (token != null) request.continuationToken(token);
			final ListObjectsV2Response page;
			try {
				page = client.listObjectsV2(request.build());
			}
			catch (final SdkException e) {
				throw failure(objectUri(listPrefix), e);
			}
			for (final CommonPrefix common : page.commonPrefixes()) {
				Keys.addChild(prefixes, listPrefix, common.prefix());
			}
			for (final S3Object object : page.contents()) {
				Keys.addChild(objects, listPrefix, object.key());
			}
			token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
		}
		while (token != null);
		return new Listing(prefixes, objects);
	}

	@Override
	public String uri(final String key) {
		return objectUri(Keys.join(root, Keys.check(key)));
	}

	private String objectUri(final String fullKey) {
		return "s3://" + bucket + "/" + fullKey;
	}

	/** Turns an SDK failure into this project's exception, naming the URI and the status. */
	private static StoreException failure(final String uri, final SdkException e) {
		if (e instanceof AwsServiceException) {
			final AwsServiceException service = (AwsServiceException) e;
			final int status = service.statusCode();
			final String code = errorCode(service);
			if (status == 403) return new AccessDeniedException(uri, status, e);
			if (status == 404 && "NoSuchBucket".equals(code)) {
				return new StoreException(uri, status, false, "The bucket of " + uri + " does not exist (HTTP 404 "
						+ "NoSuchBucket): check the address", e);
			}
			final boolean retryable = status >= 500 || status == 429 || "SlowDown".equals(code)
					|| "RequestTimeout".equals(code) || service.isThrottlingException();
			return new StoreException(uri, status, retryable, "Request for " + uri + " failed: HTTP " + status
					+ (code.isEmpty() ? "" : " " + code) + (retryable ? " (temporary)" : ""), e);
		}
		if (e instanceof SdkClientException && !(e instanceof AbortedException) && causedByIo(e)) {
			return new StoreException(uri, 0, true, "Request for " + uri + " failed: " + IoCauses.rootCause(e), e);
		}
		return new StoreException(uri, 0, false, "Request for " + uri + " failed: " + e.getMessage(), e);
	}

	private static String errorCode(final AwsServiceException e) {
		final AwsErrorDetails details = e.awsErrorDetails();
		return details == null || details.errorCode() == null ? "" : details.errorCode();
	}

	private static boolean causedByIo(final Throwable e) {
		if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) return true;
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) return true;
		}
		return false;
	}
}
