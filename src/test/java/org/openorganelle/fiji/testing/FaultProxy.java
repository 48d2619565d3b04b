package org.openorganelle.fiji.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fault-injecting HTTP proxy on loopback, between a client and a real (loopback) S3
 * server: every request is forwarded, and a {@link Rule} decides per request whether the
 * client gets the server's answer or a fault instead — a 500, a 503 with S3's
 * {@code SlowDown} error, a 403 {@code AccessDenied}, a reset connection, a body cut short,
 * a stall past the client's read timeout, or the body with one bit flipped; and each
 * request may be delayed (a slow network). One request per connection
 * ({@code Connection: close}); the server sees the request unchanged.
 */
public final class FaultProxy implements AutoCloseable {

	/** What the client gets instead of the server's answer. */
	public enum Fault {
		/** The server's answer, unchanged. */
		NONE,
		/** HTTP 500 with S3's {@code InternalError}. */
		INTERNAL_ERROR,
		/** HTTP 503 with S3's {@code SlowDown}. */
		SLOW_DOWN,
		/** HTTP 403 with S3's {@code AccessDenied}. */
		ACCESS_DENIED,
		/** The connection reset (RST) before any byte of the answer. */
		RESET,
		/** The server's status and headers, then half of the body, then the connection closed. */
		TRUNCATE,
		/** Nothing for {@link FaultProxy#stall} (longer than the client's read timeout), then closed. */
		STALL,
		/** The server's answer with one bit of the body flipped (length unchanged). */
		CORRUPT
	}

	/** One request as the proxy saw it. */
	public static final class Request {
		/** The HTTP method. */
		public final String method;
		/** The path and query, e.g. {@code /bucket/key?x=1}. */
		public final String target;
		/** How many requests for the same target came before this one. */
		public final int previous;

		Request(final String method, final String target, final int previous) {
			this.method = method;
			this.target = target;
			this.previous = previous;
		}

		/** The path without the query. */
		public String path() {
			final int query = target.indexOf('?');
			return query < 0 ? target : target.substring(0, query);
		}

		/** Whether the request reads a chunk: a GET of a key whose last segment is a number. */
		public boolean isChunkGet() {
			return method.equals("GET") && !target.contains("?") && path().matches(".*/[0-9]+");
		}
	}

	/** Decides the fault of one request. */
	public interface Rule extends Function<Request, Fault> {
	}

	/** The faults of transient kinds, for {@link #transientFaults}. */
	public static final List<Fault> TRANSIENT = List.of(Fault.INTERNAL_ERROR, Fault.SLOW_DOWN, Fault.RESET,
			Fault.TRUNCATE);

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding",
			"keep-alive", "date");

	private final URI upstream;
	private final ServerSocket socket;
	private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
		final Thread thread = new Thread(r, "fault-proxy");
		thread.setDaemon(true);
		return thread;
	});
	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
	private final List<String> log = new CopyOnWriteArrayList<>();
	private volatile Rule rule = request -> Fault.NONE;
	private volatile Duration stall = Duration.ofSeconds(5);
	private volatile Function<Request, Duration> delay = request -> Duration.ZERO;

	private FaultProxy(final URI upstream) throws IOException {
		this.upstream = upstream;
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		workers.execute(this::accept);
	}

	/** A proxy forwarding to {@code upstream} (scheme, host and port of a server). */
	public static FaultProxy start(final URI upstream) throws IOException {
		return new FaultProxy(upstream);
	}

	/** The proxy's address, to use as the client's endpoint. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + socket.getLocalPort());
	}

	/** Decides the faults from now on. */
	public FaultProxy rule(final Rule newRule) {
		this.rule = newRule;
		return this;
	}

	/** Delays every request by the same time before it is forwarded (a slow network). */
	public FaultProxy delay(final Duration perRequest) {
		return delay(request -> perRequest);
	}

	/** Delays each request by the time the function gives for it before it is forwarded. */
	public FaultProxy delay(final Function<Request, Duration> perRequest) {
		this.delay = perRequest;
		return this;
	}

	/** How long a {@link Fault#STALL} keeps the client waiting. */
	public FaultProxy stall(final Duration duration) {
		this.stall = duration;
		return this;
	}

	/**
	 * A rule giving the first {@code attempts} GETs of each chunk, each with probability
	 * {@code rate}, one of the {@link #TRANSIENT} faults; other requests pass. The draw
	 * depends only on the seed, the chunk and the attempt, so a run injects the same faults
	 * whatever the order in which parallel requests arrive.
	 */
	public static Rule transientFaults(final double rate, final int attempts, final long seed) {
		return request -> {
			if (!request.isChunkGet() || request.previous >= attempts)
				return Fault.NONE;
			final Random draw = new Random(seed * 1_000_003L + request.target.hashCode() * 31L + request.previous);
			return draw.nextDouble() < rate ? TRANSIENT.get(draw.nextInt(TRANSIENT.size())) : Fault.NONE;
		};
	}

	/** Every request so far, as {@code "METHOD target -> FAULT"} lines, in arrival order. */
	public List<String> log() {
		return List.copyOf(log);
	}

	/** How many requests got a fault other than {@link Fault#NONE}. */
	public long faults() {
		return log.stream().filter(l -> !l.endsWith("-> NONE")).count();
	}

	private void accept() {
		while (!socket.isClosed()) {
			try {
				final Socket connection = socket.accept();
				workers.execute(() -> serve(connection));
			} catch (final IOException e) {
				if (!socket.isClosed())
					throw new IllegalStateException("fault proxy: accept failed", e);
			}
		}
	}

	private void serve(final Socket connection) {
		try (Socket c = connection) {
			final InputStream in = new BufferedInputStream(c.getInputStream());
			final String head = readHead(in);
			if (head.isEmpty())
				return;
			final String[] lines = head.split("\r\n");
			final String[] requestLine = lines[0].split(" ");
			final Request request = new Request(requestLine[0], requestLine[1], seen.computeIfAbsent(requestLine[1],
					k -> new AtomicInteger()).getAndIncrement());
			final Fault fault = rule.apply(request);
			log.add(request.method + " " + request.target + " -> " + fault);
			Thread.sleep(delay.apply(request).toMillis());
			final OutputStream out = c.getOutputStream();
			switch (fault) {
			case INTERNAL_ERROR:
				error(out, 500, "Internal Server Error", "InternalError", "We encountered an internal error.");
				return;
			case SLOW_DOWN:
				error(out, 503, "Slow Down", "SlowDown", "Please reduce your request rate.");
				return;
			case ACCESS_DENIED:
				error(out, 403, "Forbidden", "AccessDenied", "Access Denied");
				return;
			case RESET:
				c.setSoLinger(true, 0);
				return;
			case STALL:
				Thread.sleep(stall.toMillis());
				return;
			default:
				forward(request, lines, out, fault);
			}
		} catch (final IOException e) {
			log.add("proxy connection failed: " + e);
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void forward(final Request request, final String[] lines, final OutputStream out, final Fault fault)
			throws IOException, InterruptedException {
		final HttpRequest.Builder upstreamRequest = HttpRequest.newBuilder(upstream.resolve(request.target))
				.method(request.method, HttpRequest.BodyPublishers.noBody());
		for (int i = 1; i < lines.length; i++) {
			final int colon = lines[i].indexOf(':');
			final String name = lines[i].substring(0, colon).trim();
			if (!Set.of("host", "connection", "content-length", "expect", "upgrade").contains(name.toLowerCase(
					Locale.ROOT)))
				upstreamRequest.header(name, lines[i].substring(colon + 1).trim());
		}
		final HttpResponse<byte[]> response = client.send(upstreamRequest.build(), HttpResponse.BodyHandlers
				.ofByteArray());
		final byte[] body = response.body().clone();
		if (fault == Fault.CORRUPT && body.length > 0)
			body[body.length / 2] ^= 0x10;
		final StringBuilder head = new StringBuilder("HTTP/1.1 " + response.statusCode() + " Status\r\n");
		response.headers().map().forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":"))
				values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
		});
		head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (request.method.equals("HEAD"))
			return;
		out.write(body, 0, fault == Fault.TRUNCATE ? body.length / 2 : body.length);
		out.flush();
	}

	private static void error(final OutputStream out, final int status, final String reason, final String code,
			final String message) throws IOException {
		final byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
				+ message + "</Message><RequestId>FAULTPROXY</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
		out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/xml\r\nContent-Length: "
				+ body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
	}

	/** The request line and headers, up to the empty line; "" when the client sent nothing. */
	private static String readHead(final InputStream in) throws IOException {
		final ByteArrayOutputStream head = new ByteArrayOutputStream();
		int state = 0;
		for (int b; (b = in.read()) >= 0;) {
			head.write(b);
			state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3))
					? state + 1 : 0;
			if (state == 4)
				return head.toString(StandardCharsets.ISO_8859_1).trim();
		}
		return "";
	}

	@Override
	public void close() {
		try {
			socket.close();
		} catch (final IOException e) {
			log.add("closing the proxy failed: " + e);
		}
		workers.shutdownNow();
	}
}
