package org.openorganelle.fiji.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on a free loopback port that answers requests, in arrival
 * order, with scripted replies: any status, headers and body, a delay before the
 * answer, or a body cut short. For failures a real S3 server cannot be made to
 * produce on demand (403, 500, 503 SlowDown, timeouts, truncated bodies, redirects).
 * Each connection serves one request and is then closed. Requests beyond the script
 * get a 599 answer.
 */
public final class ScriptedHttpServer implements AutoCloseable {

	/** One scripted answer. */
	public static final class Reply {

		private final int status;
		private final Map<String, String> headers = new LinkedHashMap<>();
		private final byte[] body;
		private int bytesToSend;
		private long delayMillis;

		private Reply(final int status, final byte[] body) {
			this.status = status;
			this.body = body;
			this.bytesToSend = body.length;
		}

		/** Adds a header. */
		public Reply header(final String name, final String value) {
			headers.put(name, value);
			return this;
		}

		/** Declares the full Content-Length but sends only the first {@code bytes} bytes, then closes. */
		public Reply truncatedAfter(final int bytes) {
			bytesToSend = bytes;
			return this;
		}

		/** Waits before answering at all. */
		public Reply delayedBy(final long millis) {
			delayMillis = millis;
			return this;
		}
	}

	private final ServerSocket socket;
	private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
		final Thread thread = new Thread(runnable, "scripted-http-server");
		thread.setDaemon(true);
		return thread;
	});
	private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
	private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
	private final List<String> heads = Collections.synchronizedList(new ArrayList<>());
	private final AtomicInteger brokenConnections = new AtomicInteger();

	/** Starts listening on 127.0.0.1 and a free port. */
	public ScriptedHttpServer() throws IOException {
		socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		workers.execute(this::acceptLoop);
	}

	/** An answer with a status and a body. */
	public static Reply reply(final int status, final byte[] body) {
		return new Reply(status, body);
	}

	/** An answer with a status and a UTF-8 body. */
	public static Reply reply(final int status, final String body) {
		return reply(status, body.getBytes(StandardCharsets.UTF_8));
	}

	/** An S3 error document, as S3 sends it. */
	public static Reply s3Error(final int status, final String code) {
		return reply(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
				+ code + "</Message><RequestId>1</RequestId></Error>").header("Content-Type", "application/xml");
	}

	/** {@code http://127.0.0.1:PORT}. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + socket.getLocalPort());
	}

	/** Appends answers for the next requests. */
	public void enqueue(final Reply... replies) {
		Collections.addAll(script, replies);
	}

	/** The request lines received so far, e.g. {@code GET /bucket/key HTTP/1.1}. */
	public List<String> requests() {
		synchronized (requests) {
			return new ArrayList<>(requests);
		}
	}

	/** The request heads received so far: request line and headers, CRLF-separated. */
	public List<String> heads() {
		synchronized (heads) {
			return new ArrayList<>(heads);
		}
	}

	/** How many connections the client closed before the answer was written (for instance after its timeout). */
	public int brokenConnections() {
		return brokenConnections.get();
	}

	@Override
	public void close() throws IOException {
		socket.close();
		workers.shutdownNow();
		try {
			workers.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void acceptLoop() {
		while (!socket.isClosed()) {
			try {
				final Socket connection = socket.accept();
				workers.execute(() -> serve(connection));
			}
			catch (final IOException e) {
				if (!socket.isClosed()) throw new IllegalStateException("Accepting a connection failed", e);
			}
		}
	}

	private void serve(final Socket connection) {
		try (Socket open = connection) {
			final String head = readHead(open.getInputStream());
			requests.add(head.split("\r\n", 2)[0]);
			heads.add(head);
			final Reply reply = script.poll();
			answer(open.getOutputStream(), reply == null ? reply(599, "no scripted reply left") : reply);
		}
		catch (final IOException e) {
			brokenConnections.incrementAndGet();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static String readHead(final InputStream in) throws IOException {
		final ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		final byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			final int b = in.read();
			if (b < 0) break;
			head.write(b);
			matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private static void answer(final OutputStream out, final Reply reply) throws IOException, InterruptedException {
		if (reply.delayMillis > 0) Thread.sleep(reply.delayMillis);
		final StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status).append(" Scripted\r\n");
		head.append("Content-Length: ").append(reply.body.length).append("\r\n");
		head.append("Connection: close\r\n");
		reply.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(reply.body, 0, reply.bytesToSend);
		out.flush();
	}
}
