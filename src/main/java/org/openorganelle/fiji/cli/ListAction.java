package org.openorganelle.fiji.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.catalog.DatasetFacts;
import org.openorganelle.fiji.discovery.BucketBrowser;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.store.StoreAddress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code openorganelle list}: the datasets in the bucket, with catalog titles where known. */
@Command(name = "list", mixinStandardHelpOptions = true,
		description = "List the datasets in the bucket with their .zarr and .n5 containers (one listing of the bucket, "
				+ "then one per dataset, 16 at a time) and catalog titles where known.")
final class ListAction implements Callable<Integer> {

	@ParentCommand
	private OpenOrganelleCli cli;

	@Mixin
	private ConnectionOptions connection;

	/** Dataset prefixes listed at once to find their containers. */
	private static final int LISTING_PARALLELISM = 16;

	@Option(names = "--bucket", paramLabel = "URI", defaultValue = DatasetLocator.PUBLIC_BUCKET,
			description = "The bucket (or any address) whose top-level prefixes are datasets (default: ${DEFAULT-VALUE}).")
	private String bucket;

	@Override
	public Integer call() throws Exception {
		Session.run(cli, connection, session -> {
			final StoreAddress address = StoreAddress.parse(bucket);
			final DatasetCatalog catalog = DatasetCatalog.bundled();
			final BucketBrowser browser = new BucketBrowser(session.stores.open(address, session.options), catalog);
			final Map<String, List<String>> datasets = browser.containersOfEach(browser.datasets(),
					LISTING_PARALLELISM);
			if (connection.json)
				printJson(session, address, datasets, catalog);
			else
				printTable(session, address, datasets, catalog);
		});
		return 0;
	}

	private static void printTable(final Session session, final StoreAddress address,
			final Map<String, List<String>> datasets, final DatasetCatalog catalog) {
		int width = "DATASET".length();
		int containersWidth = "CONTAINERS".length();
		for (final Map.Entry<String, List<String>> d : datasets.entrySet()) {
			width = Math.max(width, d.getKey().length());
			containersWidth = Math.max(containersWidth, kinds(d.getValue()).length());
		}
		final String row = "%-" + width + "s  %-" + containersWidth + "s  %s%n";
		session.out.printf(row, "DATASET", "CONTAINERS", "TITLE");
		for (final Map.Entry<String, List<String>> d : datasets.entrySet())
			session.out.printf(row, d.getKey(), kinds(d.getValue()),
					catalog.find(d.getKey()).flatMap(DatasetFacts::title).orElse("-"));
		session.out.printf("%d datasets in %s%n", datasets.size(), address.toUri());
	}

	/** A dataset's container names (the .zarr ones first), or {@code -} for none. */
	private static String kinds(final List<String> containers) {
		return containers.isEmpty() ? "-" : String.join(", ", containers);
	}

	private static void printJson(final Session session, final StoreAddress address,
			final Map<String, List<String>> datasets, final DatasetCatalog catalog) throws Exception {
		final ObjectNode root = Json.mapper().createObjectNode();
		root.put("bucket", address.toUri());
		final ArrayNode list = root.putArray("datasets");
		for (final Map.Entry<String, List<String>> d : datasets.entrySet()) {
			final ObjectNode entry = list.addObject().put("id", d.getKey());
			final Optional<DatasetFacts> facts = catalog.find(d.getKey());
			entry.put("title", facts.flatMap(DatasetFacts::title).orElse(null));
			entry.put("catalogued", facts.isPresent());
			final ArrayNode containers = entry.putArray("containers");
			d.getValue().forEach(containers::add);
		}
		session.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
	}
}
