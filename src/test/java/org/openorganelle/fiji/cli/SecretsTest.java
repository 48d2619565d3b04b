package org.openorganelle.fiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.command.ExportCommand;
import org.openorganelle.fiji.command.HeadlessLauncher;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;
import org.openorganelle.fiji.testing.SystemProperties;
import org.openorganelle.fiji.testing.CliRun;
import org.openorganelle.fiji.testing.Fixtures;
import org.openorganelle.fiji.testing.S3TestServer;

/**
 * Credentials never leak: after credentialed runs (a profile, the default chain, a profile
 * with a session token — which s3proxy refuses with 501 —, a wrong secret) of the command line with {@code --debug}, of the SciJava
 * export command, and of the Java API, every log line, output, metadata record, exception
 * message and stack trace is searched for the access key, the secret key and the session
 * token. (The Fiji commands have no secret parameter, so no macro can record one.)
 */
class SecretsTest {

	private static final String BUCKET = "private-lab-bucket";
	private static final String CONTAINER = "s3://" + BUCKET + "/jrc_mus-nacc-2/jrc_mus-nacc-2.zarr";
	private static final String SESSION_TOKEN = "FQoGZXIvYXdzEXAMPLE-session-token-4f9a2c";

	private static S3TestServer secured;

	private final SystemProperties properties = new SystemProperties();
	private final List<String> seen = new ArrayList<>();

	@TempDir
	Path dir;

	@BeforeAll
	static void upload() {
		secured = S3TestServer.sharedCredentialed();
		secured.uploadDirectory(BUCKET, Fixtures.bucket().resolve("jrc_mus-nacc-2"), "jrc_mus-nacc-2/");
	}

	@BeforeEach
	void writeProfiles() throws Exception {
		final String keys = "aws_access_key_id = " + secured.accessKey() + "\naws_secret_access_key = ";
		final Path credentials = Files.writeString(dir.resolve("credentials"), "[lab]\n" + keys + secured.secretKey()
				+ "\n[temporary]\n" + keys + secured.secretKey() + "\naws_session_token = " + SESSION_TOKEN
				+ "\n[wrong]\n" + keys + "wrong-" + secured.secretKey() + "\n");
		properties.set("aws.sharedCredentialsFile", credentials.toString());
		properties.set("aws.configFile", Files.writeString(dir.resolve("config"), "").toString());
	}

	@AfterEach
	void restoreProperties() {
		properties.restore();
	}

	private CliRun cli(final String... credentials) {
		final List<String> args = new ArrayList<>(List.of("export", "--endpoint", secured.endpoint().toString(),
				"--s3-uri", CONTAINER, "--array", "recon-2/em/fibsem-int16", "--level", "s2", "--output", dir.resolve(
						"out" + seen.size()).toString(), "--debug", "--verbose", "--retries", "1"));
		args.addAll(List.of(credentials));
		final CliRun run = CliRun.run(Map.of(), args.toArray(new String[0]));
		seen.add(run.out);
		seen.add(run.err);
		return run;
	}

	@Test
	void noSecretInLogsRecordsOrErrorsOfCredentialedRuns() throws Exception {
		final CliRun profile = cli("--profile", "lab");
		assertEquals(0, profile.code, profile.err);
		assertTrue(profile.err.contains("debug: GET " + CONTAINER + "/recon-2/em/fibsem-int16/s2/0/0/0"), profile.err);

		properties.set("aws.accessKeyId", secured.accessKey());
		properties.set("aws.secretAccessKey", secured.secretKey());
		final CliRun chain = cli("--credentials");
		assertEquals(0, chain.code, chain.err);

		final CliRun token = cli("--profile", "temporary");
		assertEquals(OpenOrganelleCli.FAILURE, token.code, "s3proxy does not implement session tokens (501)");
		assertTrue(token.err.contains("HTTP 501 NotImplemented"), token.err);

		final CliRun wrong = cli("--profile", "wrong");
		assertEquals(OpenOrganelleCli.FAILURE, wrong.code);
		assertTrue(wrong.err.contains("Access denied to " + CONTAINER), wrong.err);

		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertEquals(HeadlessLauncher.SUCCESS, HeadlessLauncher.run(new String[] { "--headless", "--run",
				ExportCommand.TITLE, "address='" + CONTAINER + "',array='recon-2/em/fibsem-int16',level='s3',output='"
						+ dir.resolve("fiji") + "',endpoint='" + secured.endpoint() + "',profile='lab'" }, new PrintStream(
								out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
				err.toString(StandardCharsets.UTF_8));
		seen.add(out.toString(StandardCharsets.UTF_8));
		seen.add(err.toString(StandardCharsets.UTF_8));

		try (StoreFactory stores = new StoreFactory()) {
			final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> DatasetLocator.open(
					stores, StoreOptions.builder().endpoint(secured.endpoint()).profile("wrong").maxAttempts(1)
							.requestLog(seen::add).build(), null, CONTAINER).image("recon-2/em/fibsem-int16"));
			final StringWriter trace = new StringWriter();
			e.printStackTrace(new PrintWriter(trace));
			seen.add(trace.toString());
		}

		try (Stream<Path> files = Files.walk(dir)) {
			for (final Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json"))::iterator)
				seen.add(Files.readString(file));
		}
		assertEquals(3, seen.stream().filter(s -> s.contains("\"schema_version\"")).count(), "the metadata records of "
				+ "the three exports");
		for (final String text : seen) {
			assertFalse(text.contains(secured.secretKey()), text);
			assertFalse(text.contains(SESSION_TOKEN), text);
			assertFalse(text.contains(secured.accessKey()), text);
		}
	}
}
