package org.openorganelle.fiji.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.store.StoreAddress.Kind;

class StoreAddressTest {

	@Test
	void s3UriWithKey() {
		final StoreAddress address = StoreAddress.parse("s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.zarr");
		assertEquals(Kind.S3, address.kind());
		assertEquals("janelia-cosem-datasets", address.bucket());
		assertEquals("jrc_hela-2/jrc_hela-2.zarr", address.prefix());
		assertEquals(Optional.empty(), address.region());
		assertEquals(Optional.empty(), address.endpoint());
		assertEquals(Optional.empty(), address.bucketUrl());
		assertEquals("s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.zarr", address.toUri());
	}

	@ParameterizedTest
	@ValueSource(strings = { "s3://janelia-cosem-datasets", "s3://janelia-cosem-datasets/",
		"  s3://janelia-cosem-datasets//  ", "S3://janelia-cosem-datasets" })
	void s3BucketRoot(final String text) {
		final StoreAddress address = StoreAddress.parse(text);
		assertEquals("janelia-cosem-datasets", address.bucket());
		assertEquals("", address.prefix());
		assertEquals("s3://janelia-cosem-datasets", address.toUri());
	}

	@Test
	void trailingSlashesAreIgnored() {
		assertEquals(StoreAddress.parse("s3://bucket/a/b"), StoreAddress.parse("s3://bucket/a/b/"));
		assertEquals(StoreAddress.parse("https://s3.amazonaws.com/bucket/a"),
				StoreAddress.parse("https://s3.amazonaws.com/bucket/a///"));
	}

	@Test
	void awsVirtualHostUrl() {
		final StoreAddress address = StoreAddress.parse("https://janelia-cosem-datasets.s3.amazonaws.com/jrc_hela-2/");
		assertEquals(Kind.HTTP, address.kind());
		assertEquals("janelia-cosem-datasets", address.bucket());
		assertEquals("jrc_hela-2", address.prefix());
		assertEquals(Optional.empty(), address.region());
		assertEquals(Optional.empty(), address.endpoint());
		assertEquals(URI.create("https://janelia-cosem-datasets.s3.amazonaws.com/"), address.bucketUrl().get());
		assertEquals("https://janelia-cosem-datasets.s3.amazonaws.com/jrc_hela-2", address.toUri());
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://my-bucket.s3.us-west-2.amazonaws.com/data/x.zarr",
		"https://my-bucket.s3-us-west-2.amazonaws.com/data/x.zarr" })
	void awsRegionalVirtualHostUrl(final String text) {
		final StoreAddress address = StoreAddress.parse(text);
		assertEquals("my-bucket", address.bucket());
		assertEquals("data/x.zarr", address.prefix());
		assertEquals(Optional.of("us-west-2"), address.region());
		assertEquals(Optional.empty(), address.endpoint());
	}

	@Test
	void awsRegionalPathStyleUrl() {
		final StoreAddress address = StoreAddress.parse("https://s3.eu-central-1.amazonaws.com/my.bucket/a/b.zarr");
		assertEquals(Kind.HTTP, address.kind());
		assertEquals("my.bucket", address.bucket());
		assertEquals("a/b.zarr", address.prefix());
		assertEquals(Optional.of("eu-central-1"), address.region());
		assertEquals(Optional.empty(), address.endpoint());
		assertEquals(URI.create("https://s3.eu-central-1.amazonaws.com/my.bucket/"), address.bucketUrl().get());
	}

	@Test
	void awsGlobalPathStyleUrl() {
		final StoreAddress address = StoreAddress.parse("https://s3.amazonaws.com/janelia-cosem-datasets/jrc_hela-2");
		assertEquals("janelia-cosem-datasets", address.bucket());
		assertEquals("jrc_hela-2", address.prefix());
		assertEquals(Optional.empty(), address.region());
		assertEquals("https://s3.amazonaws.com/janelia-cosem-datasets/jrc_hela-2", address.toUri());
	}

	@Test
	void customEndpointIsPathStyle() {
		final StoreAddress address = StoreAddress.parse("http://127.0.0.1:9000/test-bucket/jrc_x/jrc_x.zarr/");
		assertEquals(Kind.HTTP, address.kind());
		assertEquals("test-bucket", address.bucket());
		assertEquals("jrc_x/jrc_x.zarr", address.prefix());
		assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), address.endpoint());
		assertEquals(URI.create("http://127.0.0.1:9000/test-bucket/"), address.bucketUrl().get());
		assertEquals(Optional.empty(), address.region());
		assertEquals("http://127.0.0.1:9000/test-bucket/jrc_x/jrc_x.zarr", address.toUri());
	}

	@Test
	void percentEncodedUrlPathsAreDecodedAndReEncoded() {
		final StoreAddress address = StoreAddress.parse("http://localhost:9000/bucket/my%20data/x.zarr");
		assertEquals("my data/x.zarr", address.prefix());
		assertEquals("http://localhost:9000/bucket/my%20data/x.zarr", address.toUri());
	}

	@Test
	void absoluteLocalPath(@TempDir final Path dir) {
		final StoreAddress address = StoreAddress.parse(dir.toString() + "/data.zarr/");
		assertEquals(Kind.FILE, address.kind());
		assertEquals(dir.resolve("data.zarr"), address.localPath().get());
		assertEquals("", address.bucket());
		assertEquals("", address.prefix());
		assertEquals(dir.resolve("data.zarr").toUri().toString(), address.toUri());
	}

	@Test
	void relativeLocalPathBecomesAbsolute() {
		final StoreAddress address = StoreAddress.parse("some/dir/../data.zarr");
		assertEquals(Paths.get("some/data.zarr").toAbsolutePath(), address.localPath().get());
	}

	@Test
	void fileUris(@TempDir final Path dir) {
		final StoreAddress hierarchical = StoreAddress.parse(dir.toUri().toString());
		assertEquals(Kind.FILE, hierarchical.kind());
		assertEquals(dir, hierarchical.localPath().get());
		assertEquals(Paths.get("rel/x.zarr").toAbsolutePath(), StoreAddress.parse("file:rel/x.zarr").localPath().get());
	}

	@ParameterizedTest
	@ValueSource(strings = { "s3://bucket/a/b", "s3://bucket", "https://bucket.s3.us-west-2.amazonaws.com/a/b",
		"https://s3.amazonaws.com/bucket/a", "http://127.0.0.1:9000/bucket/a%20b/c", "file:///tmp/x.zarr" })
	void toUriParsesBack(final String text) {
		final StoreAddress address = StoreAddress.parse(text);
		assertEquals(address, StoreAddress.parse(address.toUri()));
		assertEquals(text, address.toUri());
	}

	@Test
	void resolveDerivesChildren(@TempDir final Path dir) {
		final StoreAddress bucket = StoreAddress.parse("s3://janelia-cosem-datasets");
		final StoreAddress child = bucket.resolve("jrc_hela-2/jrc_hela-2.zarr/");
		assertEquals("jrc_hela-2/jrc_hela-2.zarr", child.prefix());
		assertEquals("s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.zarr", child.toUri());
		assertEquals("s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.zarr/recon-1",
				child.resolve("recon-1").toUri());
		assertEquals(bucket, bucket.resolve(""));

		final StoreAddress http = StoreAddress.parse("http://127.0.0.1:9000/bkt/a").resolve("b c");
		assertEquals("http://127.0.0.1:9000/bkt/a/b%20c", http.toUri());

		assertEquals(dir.resolve("x.zarr/s0"), StoreAddress.parse(dir.toString()).resolve("x.zarr/s0").localPath().get());
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "a/../../x", "/etc", "a\\b", "a//b", "a/./b" })
	void resolveRejectsEscapes(final String child) {
		final StoreAddress bucket = StoreAddress.parse("s3://bucket/root");
		assertThrows(OpenOrganelleException.class, () -> bucket.resolve(child));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "ftp://host/bucket/key", "gs://bucket/key", "s3://", "s3:///key", "s3:bucket/key",
		"s3://Bad_Bucket/key", "s3://ab/key", "s3://-bucket/key", "s3://bucket/../escape", "s3://bucket/a//b",
		"https://host.example.org/", "https://host.example.org", "https://bucket.s3.amazonaws.com/key?versionId=1",
		"https://s3.amazonaws.com/UPPER/key", "http://[bad" })
	void invalidAddressesAreRejectedWithTheAcceptedForms(final String text) {
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> StoreAddress.parse(text));
		assertTrue(e.getMessage().contains("\"" + text.strip() + "\""), e.getMessage());
		assertTrue(e.getMessage().contains("s3://BUCKET/KEY"), e.getMessage());
		assertTrue(e.getMessage().contains("local path"), e.getMessage());
	}

	@Test
	void nullIsRejected() {
		assertThrows(OpenOrganelleException.class, () -> StoreAddress.parse(null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://AKIDEXAMPLE:wJalrXUtnFEMI@host.example.org/bucket/key",
		"s3://AKIDEXAMPLE:wJalrXUtnFEMI@bucket/key" })
	void userInformationIsRejectedWithoutRepeatingIt(final String text) {
		final OpenOrganelleException e = assertThrows(OpenOrganelleException.class, () -> StoreAddress.parse(text));
		assertFalse(e.getMessage().contains("wJalrXUtnFEMI"), e.getMessage());
		assertFalse(e.getMessage().contains("AKIDEXAMPLE"), e.getMessage());
		assertTrue(e.getMessage().contains("***@"), e.getMessage());
	}
}
