package org.openorganelle.fiji.cli;

import java.io.PrintWriter;
import java.time.Duration;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.store.StoreOptions;

import picocli.CommandLine.Option;

/** Options every subcommand shares: endpoint, authentication, timeouts, retries and output. */
final class ConnectionOptions {

	@Option(names = "--endpoint", paramLabel = "URL", description = "S3-compatible endpoint, e.g. "
			+ "http://localhost:9000 (path-style). Default: env AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL, then AWS.")
	String endpoint;

	@Option(names = "--anonymous", description = "Unsigned requests: public data, no AWS setup needed (default).")
	boolean anonymous;

	@Option(names = "--profile", paramLabel = "NAME", description = "Sign requests with this AWS profile "
			+ "(config and credentials files).")
	String profile;

	@Option(names = "--credentials", description = "Sign requests with the AWS default credential chain "
			+ "(AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, config files, instance roles).")
	boolean credentials;

	@Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up the whole command after this many "
			+ "seconds; 0 means no limit (default: ${DEFAULT-VALUE}; env TIMEOUT_SECONDS).",
			defaultValue = "0")
	double timeoutSeconds;

	@Option(names = "--request-timeout", paramLabel = "SECONDS", description = "Per-request wait for data before "
			+ "retrying (default: ${DEFAULT-VALUE}).", defaultValue = "30")
	double requestTimeoutSeconds;

	@Option(names = "--retries", paramLabel = "N", description = "Retries of a failed request (5xx, throttling, "
			+ "timeouts, resets) with exponential backoff (default: ${DEFAULT-VALUE}).", defaultValue = "5")
	int retries;

	@Option(names = { "-v", "--verbose" }, description = "Report progress and notes on stderr.")
	boolean verbose;

	@Option(names = "--debug", description = "Log every request (method, URI, outcome, time) and retry on stderr.")
	boolean debug;

	@Option(names = "--json", description = "Machine-readable JSON on stdout.")
	boolean json;

	/** The --debug request log of the last {@link #storeOptions} call; null without --debug. */
	RequestTally tally;

	/** The store options these flags describe; request log lines go to {@code err} with --debug. */
	StoreOptions storeOptions(final PrintWriter err) {
		if (profile != null && credentials)
			throw new OpenOrganelleException("--profile and --credentials exclude each other: give one");
		if ((profile != null || credentials) && anonymous)
			throw new OpenOrganelleException("--anonymous excludes --profile and --credentials: give one");
		if (requestTimeoutSeconds <= 0 || requestTimeoutSeconds > 3600)
			throw new OpenOrganelleException("--request-timeout " + requestTimeoutSeconds
					+ " is out of range: give seconds between 0 and 3600");
		if (retries < 0 || retries > 20)
			throw new OpenOrganelleException("--retries " + retries + " is out of range: give 0 to 20");
		final StoreOptions.Builder b = StoreOptions.builder()
				.requestTimeout(Duration.ofMillis((long) (requestTimeoutSeconds * 1000))).maxAttempts(retries + 1);
		if (profile != null)
			b.profile(profile);
		else if (credentials)
			b.defaultCredentialsChain();
		if (endpoint != null)
			b.endpoint(StoreOptions.parseEndpoint(endpoint, "--endpoint"));
		if (debug) {
			tally = new RequestTally(err);
			b.requestLog(tally);
		}
		return b.build();
	}

	/** The whole-command time limit; null for none. */
	Duration timeout() {
		if (timeoutSeconds < 0 || Double.isNaN(timeoutSeconds) || timeoutSeconds > 1e7)
			throw new OpenOrganelleException("--timeout " + timeoutSeconds + " is out of range: give seconds >= 0");
		return timeoutSeconds == 0 ? null : Duration.ofMillis((long) (timeoutSeconds * 1000));
	}
}
