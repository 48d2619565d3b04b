package org.openorganelle.fiji.store;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * How stores are opened: credentials, endpoint, timeouts, retries and request
 * logging. Immutable; build with {@link #builder()} or start from {@link #defaults()}
 * and change a copy with {@link #toBuilder()}.
 */
public final class StoreOptions {

	/** Where S3 credentials come from. */
	public enum CredentialsMode {
		/** Unsigned requests: public data only, no AWS setup needed (the default). */
		ANONYMOUS,
		/** The AWS SDK's default chain: environment variables, AWS_PROFILE, config and credentials files, ... */
		DEFAULT_CHAIN,
		/** A named profile of the AWS config and credentials files. */
		PROFILE
	}

	/** The environment variable naming an S3 endpoint, read first. */
	public static final String ENDPOINT_S3_VARIABLE = "AWS_ENDPOINT_URL_S3";
	/** The environment variable naming an endpoint for all AWS services, read second. */
	public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

	private final CredentialsMode credentialsMode;
	private final String profileName;
	private final URI endpoint;
	private final Duration connectTimeout;
	private final Duration requestTimeout;
	private final int maxAttempts;
	private final Duration baseBackoff;
	private final Duration maxBackoff;
	private final Consumer<String> requestLog;
	private final Map<String, String> environment;

	private StoreOptions(final Builder builder) {
		credentialsMode = builder.credentialsMode;
		profileName = builder.profileName;
		endpoint = builder.endpoint;
		connectTimeout = builder.connectTimeout;
		requestTimeout = builder.requestTimeout;
		maxAttempts = builder.maxAttempts;
		baseBackoff = builder.baseBackoff;
		maxBackoff = builder.maxBackoff;
		requestLog = builder.requestLog;
		environment = Map.copyOf(builder.environment);
	}

	/** Anonymous access, no endpoint override, 10 s connect and 30 s request timeouts, 6 attempts. */
	public static StoreOptions defaults() {
		return builder().build();
	}

	/** A builder holding the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding these options. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** Where S3 credentials come from ({@link CredentialsMode#ANONYMOUS} by default). */
	public CredentialsMode credentialsMode() {
		return credentialsMode;
	}

	/** The profile name for {@link CredentialsMode#PROFILE}. */
	public Optional<String> profileName() {
		return Optional.ofNullable(profileName);
	}

	/** The endpoint given explicitly, ignoring the environment (see {@link #effectiveEndpoint()}). */
	public Optional<URI> endpoint() {
		return Optional.ofNullable(endpoint);
	}

	/**
	 * The S3 endpoint to use: the explicit one, else {@value #ENDPOINT_S3_VARIABLE}, else
	 * {@value #ENDPOINT_VARIABLE} from {@link #environment()}; empty means AWS itself.
	 *
	 * @throws OpenOrganelleException if an environment variable holds no http(s) URL
	 */
	public Optional<URI> effectiveEndpoint() {
		if (endpoint != null) return Optional.of(endpoint);
		for (final String variable : new String[] { ENDPOINT_S3_VARIABLE, ENDPOINT_VARIABLE }) {
			final String value = environment.get(variable);
			if (value != null && !value.isBlank()) return Optional.of(checkEndpoint(value.strip(), variable));
		}
		return Optional.empty();
	}

	/** How long connecting may take (10 s by default). */
	public Duration connectTimeout() {
		return connectTimeout;
	}

	/**
	 * How long a request may wait for data before it fails as a retryable timeout (30 s by
	 * default): the socket read timeout for S3, the whole exchange for plain HTTP(S).
	 */
	public Duration requestTimeout() {
		return requestTimeout;
	}

	/** Attempts per request, the first one included (6 by default, i.e. 5 retries). */
	public int maxAttempts() {
		return maxAttempts;
	}

	/** The bound of the first retry's random wait (200 ms by default); it doubles for each later retry. */
	public Duration baseBackoff() {
		return baseBackoff;
	}

	/** The largest bound of a retry's random wait (10 s by default). */
	public Duration maxBackoff() {
		return maxBackoff;
	}

	/**
	 * Where one line per request attempt and per retry goes (for {@code --debug}); called from
	 * many threads at once. Lines name the URI, never credentials.
	 */
	public Optional<Consumer<String>> requestLog() {
		return Optional.ofNullable(requestLog);
	}

	/** The environment the endpoint variables are read from. */
	public Map<String, String> environment() {
		return environment;
	}

	/**
	 * Parses an S3-compatible endpoint as users give it (an option, a dialog field, an
	 * environment variable).
	 *
	 * @param value the text, e.g. {@code http://localhost:9000}
	 * @param source what it came from, named in the error, e.g. {@code --endpoint}
	 * @throws OpenOrganelleException unless it is an http(s) URL with a host and no user information
	 */
	public static URI parseEndpoint(final String value, final String source) {
		return checkEndpoint(value.strip(), source);
	}

	private static URI checkEndpoint(final String value, final String source) {
		final URI uri;
		try {
			uri = URI.create(value);
		}
		catch (final IllegalArgumentException e) {
			throw badEndpoint(value, source);
		}
		final String scheme = uri.getScheme();
		if (scheme == null || uri.getHost() == null || uri.getRawUserInfo() != null
				|| !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
			throw badEndpoint(value, source);
		}
		return uri;
	}

	private static OpenOrganelleException badEndpoint(final String value, final String source) {
		final String shown = value.contains("@") ? "(a URL with user information)" : "'" + value + "'";
		return new OpenOrganelleException("invalid " + source + " " + shown
				+ ": expected http://host[:port] or https://host[:port]");
	}

	/** Collects options; every setter checks its value. */
	public static final class Builder {

		private CredentialsMode credentialsMode = CredentialsMode.ANONYMOUS;
		private String profileName;
		private URI endpoint;
		private Duration connectTimeout = Duration.ofSeconds(10);
		private Duration requestTimeout = Duration.ofSeconds(30);
		private int maxAttempts = 6;
		private Duration baseBackoff = Duration.ofMillis(200);
		private Duration maxBackoff = Duration.ofSeconds(10);
		private Consumer<String> requestLog;
		private Map<String, String> environment = System.getenv();

		private Builder() {}

		private Builder(final StoreOptions options) {
			credentialsMode = options.credentialsMode;
			profileName = options.profileName;
			endpoint = options.endpoint;
			connectTimeout = options.connectTimeout;
			requestTimeout = options.requestTimeout;
			maxAttempts = options.maxAttempts;
			baseBackoff = options.baseBackoff;
			maxBackoff = options.maxBackoff;
			requestLog = options.requestLog;
			environment = options.environment;
		}

		/** Unsigned requests (the default). */
		public Builder anonymous() {
			credentialsMode = CredentialsMode.ANONYMOUS;
			profileName = null;
			return this;
		}

		/** Credentials from the AWS SDK's default chain. */
		public Builder defaultCredentialsChain() {
			credentialsMode = CredentialsMode.DEFAULT_CHAIN;
			profileName = null;
			return this;
		}

		/** Credentials (and region) from a named profile of the AWS config files. */
		public Builder profile(final String name) {
			if (name == null || name.isBlank()) throw new OpenOrganelleException("An AWS profile name must not be empty");
			credentialsMode = CredentialsMode.PROFILE;
			profileName = name.strip();
			return this;
		}

		/** An S3-compatible endpoint such as {@code http://localhost:9000}; null to use the environment or AWS. */
		public Builder endpoint(final URI uri) {
			endpoint = uri == null ? null : checkEndpoint(uri.toString(), "endpoint");
			return this;
		}

		/** How long connecting may take; positive. */
		public Builder connectTimeout(final Duration timeout) {
			connectTimeout = positive(timeout, "connect timeout");
			return this;
		}

		/** How long a request may wait for data; positive. */
		public Builder requestTimeout(final Duration timeout) {
			requestTimeout = positive(timeout, "request timeout");
			return this;
		}

		/** Attempts per request, at least 1 (1 means no retries). */
		public Builder maxAttempts(final int attempts) {
			if (attempts < 1) throw new OpenOrganelleException("Max attempts must be at least 1, not " + attempts);
			maxAttempts = attempts;
			return this;
		}

		/** The first retry's backoff bound, doubled for each later retry up to {@code max}. */
		public Builder backoff(final Duration base, final Duration max) {
			if (base == null || base.isNegative() || max == null || max.compareTo(base) < 0) {
				throw new OpenOrganelleException("Backoff needs 0 <= base <= max, not base " + base + ", max " + max);
			}
			baseBackoff = base;
			maxBackoff = max;
			return this;
		}

		/** Receives one line per request attempt and per retry (thread-safe, please); null for none. */
		public Builder requestLog(final Consumer<String> log) {
			requestLog = log;
			return this;
		}

		/** The environment to read {@value StoreOptions#ENDPOINT_S3_VARIABLE} and {@value StoreOptions#ENDPOINT_VARIABLE} from. */
		public Builder environment(final Map<String, String> variables) {
			environment = Objects.requireNonNull(variables, "environment");
			return this;
		}

		/** The options collected so far. */
		public StoreOptions build() {
			return new StoreOptions(this);
		}

		private static Duration positive(final Duration duration, final String what) {
			if (duration == null || duration.isNegative() || duration.isZero()) {
				throw new OpenOrganelleException("The " + what + " must be positive, not " + duration);
			}
			return duration;
		}
	}
}
