package org.openorganelle.fiji.store;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the AWS SDK clients behind {@link S3Store}: credentials as the options say
 * (anonymous by default), the SDK's own retries disabled, the SDK's Apache HttpClient 5
 * client ({@code apache5-client}, the one Fiji 2.18 ships) with the options' timeouts,
 * and either cross-region access on AWS or an endpoint override with path-style requests.
 */
final class S3Clients {

	/** The region used when nothing else names one; cross-region access finds the bucket's real region. */
	static final Region FALLBACK_REGION = Region.US_EAST_1;

	private static final int MAX_CONNECTIONS = 64;

	private S3Clients() {}

	/**
	 * The region to sign requests for: the address's own region, else the SDK's settings
	 * ({@code aws.region}, {@code AWS_REGION}, the profile's region), else us-east-1. The
	 * EC2 instance metadata service is never asked.
	 */
	static Region region(final StoreOptions options, final String addressRegion) {
		if (addressRegion != null) return Region.of(addressRegion);
		final String profile = options.profileName().orElse(null);
		try {
			return new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
					new AwsProfileRegionProvider(null, profile)).getRegion();
		}
		catch (final SdkException e) {
			return FALLBACK_REGION;
		}
	}

	/** The credentials provider the options ask for. */
	static AwsCredentialsProvider credentials(final StoreOptions options) {
		switch (options.credentialsMode()) {
			case DEFAULT_CHAIN:
				return DefaultCredentialsProvider.builder().build();
			case PROFILE:
				return ProfileCredentialsProvider.builder().profileName(options.profileName().orElseThrow()).build();
			default:
				return AnonymousCredentialsProvider.create();
		}
	}

	/**
	 * A new client; the caller closes it (which also closes its HTTP client).
	 *
	 * @param endpoint an S3-compatible endpoint, or null for AWS
	 */
	static S3Client create(final StoreOptions options, final AwsCredentialsProvider credentials, final URI endpoint,
			final Region region) {
		final S3ClientBuilder builder = S3Client.builder() //
				.region(region) //
				.credentialsProvider(credentials) //
				.httpClientBuilder(Apache5HttpClient.builder() //
						.connectionTimeout(options.connectTimeout()) //
						.socketTimeout(options.requestTimeout()) //
						.maxConnections(MAX_CONNECTIONS)) //
				.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
		if (endpoint == null) builder.crossRegionAccessEnabled(true);
		else builder.endpointOverride(endpoint).forcePathStyle(true);
		return builder.build();
	}
}
