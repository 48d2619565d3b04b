package org.openorganelle.fiji.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses as users paste them split into the container and the path inside it. */
class ContainerAddressTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5/em/fibsem-uint16/s4"
					+ "|s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5|em/fibsem-uint16/s4",
			"s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5/em/fibsem-uint16/"
					+ "|s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5|em/fibsem-uint16",
			"s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5|s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5|",
			"n5://s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5/labels/mito_seg"
					+ "|s3://janelia-cosem-datasets/jrc_hela-2/jrc_hela-2.n5|labels/mito_seg",
			"zarr://https://janelia-cosem-datasets.s3.amazonaws.com/jrc_hela-2/jrc_hela-2.zarr/recon-1/em/fibsem-uint8"
					+ "|https://janelia-cosem-datasets.s3.amazonaws.com/jrc_hela-2/jrc_hela-2.zarr|recon-1/em/fibsem-uint8",
			"http://localhost:9000/bucket/a/B.ZARR/x|http://localhost:9000/bucket/a/B.ZARR|x",
			"/data/jrc_hela-2.n5/em/fibsem-uint16/s0|/data/jrc_hela-2.n5|em/fibsem-uint16/s0",
			"  /data/mirror/  |/data/mirror/|",
			"s3://bucket/no/container/suffix|s3://bucket/no/container/suffix|",
			"s3://bucket|s3://bucket|",
			"s3://bucket/x.zarr.backup/y.n5/z|s3://bucket/x.zarr.backup/y.n5|z" })
	void splitsAtTheFirstComponentNamedLikeAContainer(final String address, final String container,
			final String path) {
		final ContainerAddress split = ContainerAddress.parse(address);
		assertEquals(container, split.container());
		assertEquals(path == null ? "" : path, split.path());
	}
}
