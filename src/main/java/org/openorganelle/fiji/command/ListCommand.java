package org.openorganelle.fiji.command;

import java.util.List;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.catalog.DatasetCatalog;
import org.openorganelle.fiji.discovery.BucketBrowser;
import org.openorganelle.fiji.discovery.DatasetLocator;
import org.openorganelle.fiji.store.StoreAddress;
import org.openorganelle.fiji.store.StoreFactory;
import org.openorganelle.fiji.store.StoreOptions;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Lists the datasets of the public OpenOrganelle bucket or, given a dataset (or a
 * container address), the arrays of its Zarr container: one name per line. Headless; a
 * failure is logged and cancels the module with the message.
 */
@Plugin(type = Command.class, headless = true, label = ListCommand.TITLE, name = ListCommand.TITLE)
public class ListCommand extends ContextCommand {

	/** The command's title (and name), as given to {@code --run}. */
	public static final String TITLE = "OpenOrganelle List...";

	@Parameter
	private LogService log;

	@Parameter(label = "Dataset", required = false, persist = false,
			description = "Dataset whose arrays to list, e.g. jrc_hela-2; empty: list the datasets of the bucket")
	private String dataset = "";

	@Parameter(label = "Address", required = false, persist = false,
			description = "Zarr container address whose arrays to list, instead of the dataset's in the public bucket")
	private String address = "";

	@Parameter(label = "Endpoint", required = false, persist = false,
			description = "S3-compatible endpoint URL, e.g. http://localhost:9000; empty: AWS")
	private String endpoint = "";

	@Parameter(label = "AWS profile", required = false, persist = false,
			description = "Sign requests with this AWS profile (config and credentials files); empty: anonymous")
	private String profile = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Listing", description = "Dataset or array names, one per line")
	private String listing;

	@Override
	public void run() {
		final String name = CommandInputs.optional(dataset);
		final String container = CommandInputs.optional(address);
		try (StoreFactory stores = new StoreFactory()) {
			final StoreOptions options = CommandInputs.storeOptions(endpoint, profile);
			final List<String> names = name == null && container == null
					? new BucketBrowser(stores.open(StoreAddress.parse(DatasetLocator.PUBLIC_BUCKET), options),
							DatasetCatalog.bundled()).datasets()
					: DatasetLocator.open(stores, options, name, container).imagePaths();
			listing = String.join("\n", names);
		} catch (final OpenOrganelleException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
