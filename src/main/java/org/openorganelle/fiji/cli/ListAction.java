package org.openorganelle.fiji.cli;

import java.util.List;
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
		description = "List the datasets in the bucket (one listing), with catalog titles where known.")
final class ListAction implements Callable<Integer> {

	@ParentCommand
	private OpenOrganelleCli cli;

	@Mixin
	private ConnectionOptions connection;

	@Option(names = "--bucket", paramLabel = "URI", defaultValue = DatasetLocator.PUBLIC_BUCKET,
			description = "The bucket (or any address) whose top-level prefixes are datasets (default: ${DEFAULT-VALUE}).")
	private String bucket;

	@Override
	public Integer call() throws Exception {
		Session.run(cli, connection, session -> {
			final StoreAddress address = StoreAddress.parse(bucket);
			final DatasetCatalog catalog = DatasetCatalog.bundled();
			final List<String> datasets = new BucketBrowser(session.stores.open(address, session.options), catalog)
					.datasets();
			if (connection.json)
				printJson(session, address, datasets, catalog);
			else
				printTable(session, address, datasets, catalog);
		});
		return 0;
	}

	private static void printTable(final Session session, final StoreAddress address, final List<String> datasets,
			final DatasetCatalog catalog) {
		int width = "DATASET".length();
		for (final String d : datasets)
			width = Math.max(width, d.length());
		session.out.printf("%-" + width + "s  %s%n", "DATASET", "TITLE");
		for (final String d : datasets)
			session.out.printf("%-" + width + "s  %s%n", d,
					catalog.find(d).flatMap(DatasetFacts::title).orElse("-"));
		session.out.printf("%d datasets in %s%n", datasets.size(), address.toUri());
	}

	private static void printJson(final Session session, final StoreAddress address, final List<String> datasets,
			final DatasetCatalog catalog) throws Exception {
		final ObjectNode root = Json.mapper().createObjectNode();
		root.put("bucket", address.toUri());
		final ArrayNode list = root.putArray("datasets");
		for (final String d : datasets) {
			final ObjectNode entry = list.addObject().put("id", d);
			final Optional<DatasetFacts> facts = catalog.find(d);
			entry.put("title", facts.flatMap(DatasetFacts::title).orElse(null));
			entry.put("catalogued", facts.isPresent());
		}
		session.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
	}
}
