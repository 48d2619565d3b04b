package org.openorganelle.fiji.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

/**
 * The JSON Schema (draft 2020-12) of the metadata records, {@code schemas/metadata_schema.json}
 * in the source tree, packaged at {@value #RESOURCE}.
 * <p>
 * The schema is loaded from the class path once, on first use. Format keywords
 * ({@code date-time}, {@code date}, {@code uuid}) are asserted. Nothing is ever fetched
 * from the network: the draft 2020-12 meta-schema is the validator's bundled copy, and
 * loading any schema document from outside the class path is refused.
 */
public final class MetadataSchema {

	/** Class path location of the schema. */
	public static final String RESOURCE = "/schemas/metadata_schema.json";

	/** The start of the message of every validation failure. */
	public static final String INVALID_RECORD = "invalid metadata record (a bug): ";

	private static JsonSchema schema;

	private MetadataSchema() {
	}

	/** Class path location of the schema, {@value #RESOURCE}. */
	public static String resource() {
		return RESOURCE;
	}

	/**
	 * Checks a record against the schema.
	 *
	 * @param record a record, as built by {@link MetadataRecord#build}
	 * @throws OpenOrganelleException when the record violates the schema; the message starts
	 *         with {@value #INVALID_RECORD} and lists every violation with its JSONPath
 *         ({@code $.metadata.technical.sha256: ...})
	 */
	public static void validate(final JsonNode record) {
		final Set<ValidationMessage> violations = schema().validate(record);
		if (violations.isEmpty())
			return;
		throw new OpenOrganelleException(INVALID_RECORD + violations.stream().map(ValidationMessage::getMessage)
				.collect(Collectors.joining("; ")));
	}

	/** The schema, loaded on first use. */
	private static synchronized JsonSchema schema() {
		if (schema == null)
			schema = load();
		return schema;
	}

	private static JsonSchema load() {
		final JsonNode document;
		try (InputStream in = MetadataSchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null)
				throw new OpenOrganelleException("the metadata schema " + RESOURCE + " is missing from the jar");
			document = Json.mapper().readTree(in);
		} catch (final IOException e) {
			throw new OpenOrganelleException("cannot read the metadata schema " + RESOURCE + ": " + e.getMessage(), e);
		}
		final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
				builder -> builder.schemaLoaders(loaders -> loaders.add(
						new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
		final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
				.pathType(PathType.JSON_PATH).build();
		final JsonSchema loaded = factory.getSchema(document, config);
		loaded.initializeValidators();
		return loaded;
	}
}
