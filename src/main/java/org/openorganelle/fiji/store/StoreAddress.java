package org.openorganelle.fiji.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openorganelle.fiji.OpenOrganelleException;

/**
 * Where a store is rooted, parsed from what users paste: an S3 URI, an HTTP(S) URL of
 * an S3 bucket (AWS virtual-host or path style, or any S3-compatible endpoint) or a
 * local path.
 * <p>
 * Accepted forms ({@link #parse(String)}):
 * <ul>
 * <li>{@code s3://bucket/key}</li>
 * <li>{@code https://bucket.s3.amazonaws.com/key}, {@code https://bucket.s3.REGION.amazonaws.com/key}</li>
 * <li>{@code https://s3.amazonaws.com/bucket/key}, {@code https://s3.REGION.amazonaws.com/bucket/key}</li>
 * <li>{@code http(s)://host:port/bucket/key}: an S3-compatible endpoint, path style</li>
 * <li>a local path (absolute or relative) or a {@code file:} URI</li>
 * </ul>
 * Trailing slashes are ignored. Instances are immutable.
 */
public final class StoreAddress {

	/** The kind of store an address names. */
	public enum Kind {
		/** An S3 bucket, read through the AWS SDK. */
		S3,
		/** An S3 bucket's HTTP(S) URL, read with plain anonymous GETs. */
		HTTP,
		/** A local directory. */
		FILE
	}

	static final String ACCEPTED_FORMS = "accepted forms: s3://BUCKET/KEY, https://BUCKET.s3.amazonaws.com/KEY, "
			+ "https://BUCKET.s3.REGION.amazonaws.com/KEY, https://s3.REGION.amazonaws.com/BUCKET/KEY, "
			+ "http(s)://HOST:PORT/BUCKET/KEY (S3-compatible endpoint), a local path or a file: URI";

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
	private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[a-zA-Z]:[\\\\/].*");
	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");
	private static final Pattern AWS_VIRTUAL_HOST = Pattern.compile("^(.+)\\.s3(?:[.-]([a-z0-9-]+))?\\.amazonaws\\.com$");
	private static final Pattern AWS_PATH_HOST = Pattern.compile("^s3(?:[.-]([a-z0-9-]+))?\\.amazonaws\\.com$");
	private static final Pattern AWS_REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d+$");
	private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");

	private final Kind kind;
	private final String bucket;
	private final String prefix;
	private final String region;
	private final URI endpoint;
	private final URI bucketUrl;
	private final Path localPath;

	private StoreAddress(final Kind kind, final String bucket, final String prefix, final String region,
			final URI endpoint, final URI bucketUrl, final Path localPath) {
		this.kind = kind;
		this.bucket = bucket;
		this.prefix = prefix;
		this.region = region;
		this.endpoint = endpoint;
		this.bucketUrl = bucketUrl;
		this.localPath = localPath;
	}

	/**
	 * Parses an address in one of the accepted forms.
	 *
	 * @throws OpenOrganelleException naming the address (without any user information it
	 *         carried) and listing the accepted forms, when the text is none of them
	 */
	public static StoreAddress parse(final String text) {
		if (text == null || text.isBlank()) throw invalid(text == null ? "null" : "", "it is empty");
		final String address = text.strip();
		final Matcher scheme = SCHEME.matcher(address);
		if (!scheme.find() || WINDOWS_DRIVE.matcher(address).matches()) return local(address, address);
		switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
			case "s3":
				return parseS3(address);
			case "http":
			case "https":
				return parseHttp(address);
			case "file":
				return parseFile(address);
			default:
				throw invalid(address, "the scheme \"" + scheme.group(1) + ":\" is not supported");
		}
	}

	/** The kind of store. */
	public Kind kind() {
		return kind;
	}

	/** The bucket ({@link Kind#S3} and {@link Kind#HTTP}); empty for {@link Kind#FILE}. */
	public String bucket() {
		return bucket;
	}

	/** The key prefix inside the bucket, without leading or trailing '/'; empty for the bucket's root and for files. */
	public String prefix() {
		return prefix;
	}

	/** The bucket's region when the address shows it ({@code bucket.s3.us-west-2.amazonaws.com}). */
	public Optional<String> region() {
		return Optional.ofNullable(region);
	}

	/**
	 * The S3-compatible service endpoint ({@code scheme://host:port}) of an {@link Kind#HTTP}
	 * address on a host other than AWS; empty for AWS hosts, {@code s3://} and files.
	 */
	public Optional<URI> endpoint() {
		return Optional.ofNullable(endpoint);
	}

	/**
	 * The URL of the bucket's root for {@link Kind#HTTP} addresses, ending with '/'
	 * ({@code https://bucket.s3.amazonaws.com/} or {@code http://host:port/bucket/}).
	 */
	public Optional<URI> bucketUrl() {
		return Optional.ofNullable(bucketUrl);
	}

	/** The absolute, normalised directory of a {@link Kind#FILE} address. */
	public Optional<Path> localPath() {
		return Optional.ofNullable(localPath);
	}

	/**
	 * The address of a child below this one.
	 *
	 * @param child a relative '/'-separated key such as {@code jrc_hela-2/jrc_hela-2.zarr}
	 * @throws OpenOrganelleException if the child is not a valid relative key
	 */
	public StoreAddress resolve(final String child) {
		final String key = Keys.check(child);
		if (kind == Kind.FILE) {
			return new StoreAddress(kind, bucket, prefix, region, endpoint, bucketUrl, localPath.resolve(key));
		}
		return new StoreAddress(kind, bucket, Keys.join(prefix, key), region, endpoint, bucketUrl, localPath);
	}

	/**
	 * The address as a URI string for messages and metadata: {@code s3://bucket/prefix},
	 * the HTTP(S) URL, or a {@code file:} URI. {@link #parse(String)} reads it back.
	 */
	public String toUri() {
		switch (kind) {
			case S3:
				return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
			case HTTP:
				final String base = bucketUrl.toString();
				return prefix.isEmpty() ? base.substring(0, base.length() - 1) : base + Keys.encode(prefix, true);
			default:
				final String uri = localPath.toUri().toString();
				return uri.endsWith("/") && localPath.getParent() != null ? uri.substring(0, uri.length() - 1) : uri;
		}
	}

	@Override
	public String toString() {
		return toUri();
	}

	@Override
	public boolean equals(final Object other) {
		if (!(other instanceof StoreAddress)) return false;
		final StoreAddress that = (StoreAddress) other;
		return kind == that.kind && bucket.equals(that.bucket) && prefix.equals(that.prefix)
				&& Objects.equals(region, that.region) && Objects.equals(endpoint, that.endpoint)
				&& Objects.equals(bucketUrl, that.bucketUrl) && Objects.equals(localPath, that.localPath);
	}

	@Override
	public int hashCode() {
		return Objects.hash(kind, bucket, prefix, region, endpoint, bucketUrl, localPath);
	}

	private static StoreAddress parseS3(final String address) {
		final String rest = address.substring("s3:".length());
		if (!rest.startsWith("//")) throw invalid(address, "an S3 address starts with s3://BUCKET");
		final String path = stripTrailingSlashes(rest.substring(2));
		final int slash = path.indexOf('/');
		final String bucket = slash < 0 ? path : path.substring(0, slash);
		final String key = slash < 0 ? "" : path.substring(slash + 1);
		if (bucket.contains("@")) throw invalid(address, "user information in addresses is not supported");
		checkAwsBucket(address, bucket);
		return new StoreAddress(Kind.S3, bucket, checkPrefix(address, key), null, null, null, null);
	}

	private static StoreAddress parseHttp(final String address) {
		final URI uri;
		try {
			uri = new URI(address);
		}
		catch (final URISyntaxException e) {
			throw invalid(address, "it is not a valid URL (" + e.getReason() + ")");
		}
		if (uri.getRawUserInfo() != null) throw invalid(address, "user information in URLs is not supported");
		if (uri.getHost() == null) throw invalid(address, "the URL has no host");
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalid(address, "URLs with a query (?...) or fragment (#...) are not supported");
		}
		final String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		final String host = uri.getHost().toLowerCase(Locale.ROOT);
		final String authority = host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
		final String path = stripTrailingSlashes(uri.getPath() == null ? "" : uri.getPath());
		final Matcher virtualHost = AWS_VIRTUAL_HOST.matcher(host);
		if (virtualHost.matches()) {
			final String bucket = virtualHost.group(1);
			checkAwsBucket(address, bucket);
			final String key = path.startsWith("/") ? path.substring(1) : path;
			return new StoreAddress(Kind.HTTP, bucket, checkPrefix(address, key), awsRegion(virtualHost.group(2)),
					null, URI.create(scheme + "://" + authority + "/"), null);
		}
		final String trimmed = path.startsWith("/") ? path.substring(1) : path;
		final int slash = trimmed.indexOf('/');
		final String bucket = slash < 0 ? trimmed : trimmed.substring(0, slash);
		final String key = slash < 0 ? "" : trimmed.substring(slash + 1);
		if (bucket.isEmpty()) throw invalid(address, "the URL names no bucket (http(s)://HOST/BUCKET/KEY)");
		final Matcher pathHost = AWS_PATH_HOST.matcher(host);
		final boolean aws = pathHost.matches();
		if (aws) checkAwsBucket(address, bucket);
		else checkPrefix(address, bucket);
		final URI bucketUrl = URI.create(scheme + "://" + authority + "/" + Keys.encode(bucket, false) + "/");
		return new StoreAddress(Kind.HTTP, bucket, checkPrefix(address, key), aws ? awsRegion(pathHost.group(1)) : null,
				aws ? null : URI.create(scheme + "://" + authority), bucketUrl, null);
	}

	private static StoreAddress parseFile(final String address) {
		final URI uri;
		try {
			uri = new URI(address);
		}
		catch (final URISyntaxException e) {
			throw invalid(address, "it is not a valid file: URI (" + e.getReason() + ")");
		}
		if (uri.isOpaque()) return local(address, uri.getSchemeSpecificPart());
		try {
			return fromPath(Paths.get(uri));
		}
		catch (final IllegalArgumentException e) {
			throw invalid(address, "it is not a local file: URI (" + e.getMessage() + ")");
		}
	}

	private static StoreAddress local(final String address, final String path) {
		try {
			return fromPath(Paths.get(path));
		}
		catch (final InvalidPathException e) {
			throw invalid(address, "it is not a valid local path (" + e.getReason() + ")");
		}
	}

	private static StoreAddress fromPath(final Path path) {
		return new StoreAddress(Kind.FILE, "", "", null, null, null, path.toAbsolutePath().normalize());
	}

	private static String checkPrefix(final String address, final String key) {
		try {
			return Keys.check(key);
		}
		catch (final OpenOrganelleException e) {
			throw invalid(address, e.getMessage());
		}
	}

	private static void checkAwsBucket(final String address, final String bucket) {
		if (bucket.isEmpty()) throw invalid(address, "it names no bucket");
		if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
			throw invalid(address, "\"" + bucket + "\" is not a valid S3 bucket name (3 to 63 lower-case letters, "
					+ "digits, '.' and '-', starting and ending with a letter or digit)");
		}
	}

	private static String awsRegion(final String candidate) {
		return candidate != null && AWS_REGION.matcher(candidate).matches() ? candidate : null;
	}

	private static String stripTrailingSlashes(final String path) {
		int end = path.length();
		while (end > 0 && path.charAt(end - 1) == '/') end--;
		return path.substring(0, end);
	}

	private static OpenOrganelleException invalid(final String address, final String reason) {
		final String shown = USER_INFO.matcher(address).replaceFirst("$1***@");
		return new OpenOrganelleException("Cannot use the address \"" + shown + "\": " + reason + "; "
				+ ACCEPTED_FORMS);
	}
}
