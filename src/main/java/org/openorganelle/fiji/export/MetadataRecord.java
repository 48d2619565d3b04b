package org.openorganelle.fiji.export;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.array.Region;
import org.openorganelle.fiji.catalog.DatasetFacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the version 2.0 metadata record written next to every exported {@code .npy}
 * file, as described by {@code schemas/metadata_schema.json} (see {@link MetadataSchema}).
 * <p>
 * Keys come in a fixed order; unknown values are JSON {@code null}; non-finite numbers
 * are never written. Physical lengths are computed in decimal from the stored values,
 * so 564 voxels of 2.96 nm are 1669.44 nm, not 1669.4399999999998.
 */
public final class MetadataRecord {

	/** The {@code schema_version} of the records built here. */
	public static final String SCHEMA_VERSION = "2.0";

	/** The {@code software.name} of the records built here. */
	public static final String SOFTWARE_NAME = "OpenOrganelle_Fiji";

	/** Catalog facts copied into {@code cosem_metadata} when known, in record order. */
	private static final List<String> CATALOG_FACTS = List.of("organism", "sample", "protocol", "institution",
			"title", "dois", "publications");

	private static final DateTimeFormatter UTC_TIMESTAMP = DateTimeFormatter
			.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

	private static final BigDecimal HALF = new BigDecimal("0.5");

	private MetadataRecord() {
	}

	/**
	 * The metadata record of a finished export.
	 *
	 * @param volume what was exported
	 * @param metadataFile where the record will be written
	 * @return the record, ready for {@link MetadataSchema#validate(JsonNode)}
	 * @throws OpenOrganelleException when {@code volume} lacks a value every record needs (a bug)
	 */
	static ObjectNode build(final ExportedVolume volume, final Path metadataFile) {
		checkComplete(volume, metadataFile);
		final ObjectNode record = Json.mapper().createObjectNode();
		record.put("schema_version", SCHEMA_VERSION);
		record.put("id", UUID.randomUUID().toString());
		record.put("source", "openorganelle");
		record.put("source_id", volume.dataset);
		record.put("status", "complete");
		record.put("created_at", timestamp(volume.startedAt));
		record.put("updated_at", timestamp(volume.finishedAt));
		final ObjectNode metadata = record.putObject("metadata");
		metadata.set("core", core(volume));
		metadata.set("technical", technical(volume));
		metadata.set("provenance", provenance(volume));
		final ObjectNode files = record.putObject("files");
		files.put("metadata", metadataFile.toAbsolutePath().toString());
		files.put("volume", volume.npyFile.toAbsolutePath().toString());
		record.set("voxel_size_nm", xyz(volume.voxelSizeNm));
		record.set("translation_nm", xyz(volume.translationNm));
		record.put("imaging_start_date", volume.facts == null ? null
				: volume.facts.imagingStartDate().orElse(null));
		final ObjectNode additional = record.putObject("additional_metadata");
		additional.set("cosem_metadata", cosemMetadata(volume));
		additional.set("multiscale_attributes", volume.groupAttributes == null ? Json.mapper().nullNode()
				: volume.groupAttributes.deepCopy());
		return record;
	}

	/** The {@code software.version}: the jar's Implementation-Version, or "development" when run from classes. */
	public static String softwareVersion() {
		final Package p = MetadataRecord.class.getPackage();
		final String version = p == null ? null : p.getImplementationVersion();
		return version == null ? "development" : version;
	}

	/** Whether the export covers its whole level. */
	private static boolean isWholeLevel(final ExportedVolume volume) {
		final long[] start = volume.region.start();
		return Arrays.stream(start).allMatch(s -> s == 0) && Arrays.equals(volume.region.size(), volume.levelShape);
	}

	private static void checkComplete(final ExportedVolume volume, final Path metadataFile) {
		final List<String> missing = new ArrayList<>();
		addIfNull(missing, "containerUri", volume.containerUri);
		addIfNull(missing, "arrayPath", volume.arrayPath);
		addIfNull(missing, "level", volume.level);
		addIfNull(missing, "sourceFormat", volume.sourceFormat);
		addIfNull(missing, "sourceByteOrder", volume.sourceByteOrder);
		addIfNull(missing, "modality", volume.modality);
		addIfNull(missing, "dataType", volume.dataType);
		addIfNull(missing, "levelShape", volume.levelShape);
		addIfNull(missing, "region", volume.region);
		addIfNull(missing, "chunkShape", volume.chunkShape);
		addIfNull(missing, "compressorId", volume.compressorId);
		addIfNull(missing, "compressorDescription", volume.compressorDescription);
		addIfNull(missing, "voxelSizeSource", volume.voxelSizeSource);
		addIfNull(missing, "npyFile", volume.npyFile);
		addIfNull(missing, "sha256", volume.sha256);
		addIfNull(missing, "startedAt", volume.startedAt);
		addIfNull(missing, "finishedAt", volume.finishedAt);
		addIfNull(missing, "metadata file", metadataFile);
		if (!missing.isEmpty())
			throw new OpenOrganelleException(MetadataSchema.INVALID_RECORD + "the export did not record "
					+ String.join(", ", missing));
	}

	private static void addIfNull(final List<String> missing, final String name, final Object value) {
		if (value == null)
			missing.add(name);
	}

	private static ObjectNode core(final ExportedVolume volume) {
		final ObjectNode core = Json.mapper().createObjectNode();
		core.put("description", description(volume));
		core.set("volume_shape", longs(volume.region.size()));
		core.put("data_type", volume.dataType.numpyName());
		core.put("modality", volume.modality);
		return core;
	}

	/** E.g. "int16 EM volume recon-2/em/fibsem-int16 level s8 [0:2, 3:7, 1:9] of jrc_mus-nacc-2 (OpenOrganelle)". */
	private static String description(final ExportedVolume volume) {
		final StringBuilder s = new StringBuilder();
		s.append(volume.dataType.numpyName()).append(' ').append(volume.modality).append(" volume ");
		if (!volume.arrayPath.isEmpty())
			s.append(volume.arrayPath).append(' ');
		s.append("level ").append(volume.level);
		if (!isWholeLevel(volume))
			s.append(' ').append(slices(volume.region));
		s.append(" of ").append(volume.dataset == null ? volume.containerUri : volume.dataset);
		if (volume.facts != null)
			volume.facts.title().ifPresent(title -> s.append(", ").append(title));
		return s.append(" (OpenOrganelle)").toString();
	}

	/** NumPy slice notation of a region, e.g. {@code [0:2, 3:7, 1:9]}. */
	private static String slices(final Region region) {
		final long[] start = region.start();
		final long[] end = region.end();
		final StringBuilder s = new StringBuilder("[");
		for (int d = 0; d < start.length; d++)
			s.append(d > 0 ? ", " : "").append(start[d]).append(':').append(end[d]);
		return s.append(']').toString();
	}

	private static ObjectNode technical(final ExportedVolume volume) {
		final ObjectNode technical = Json.mapper().createObjectNode();
		technical.put("file_size_bytes", volume.npyBytes);
		technical.put("sha256", volume.sha256);
		technical.put("compression", volume.compressorId);
		technical.put("compression_details", volume.compressorDescription);
		final ArrayNode chunks = technical.putArray("chunk_size");
		for (final int c : volume.chunkShape)
			chunks.add(c);
		if (volume.shardShape == null)
			technical.putNull("shard_size");
		else {
			final ArrayNode shards = technical.putArray("shard_size");
			for (final long s : volume.shardShape)
				shards.add(s);
		}
		putNumber(technical, "global_mean", volume.mean);
		putNumber(technical, "processing_time_seconds", volume.processingSeconds);
		technical.put("chunk_strategy", "streamed");
		technical.put("chunks_read", volume.chunksRead);
		technical.put("chunks_missing", volume.chunksMissing);
		technical.set("dimensions_nm", dimensionsNm(volume));
		technical.put("axis_order", "zyx");
		technical.put("byte_order", byteOrder(volume.dataType, volume.dataType.order()));
		technical.put("npy_format_version", "1.0");
		return technical;
	}

	private static JsonNode dimensionsNm(final ExportedVolume volume) {
		if (volume.voxelSizeNm == null)
			return Json.mapper().nullNode();
		final long[] shape = volume.region.size();
		final ArrayNode dimensions = Json.mapper().createArrayNode();
		for (int d = 0; d < shape.length; d++)
			addNumber(dimensions, d < volume.voxelSizeNm.length ? times(volume.voxelSizeNm[d], shape[d]) : Double.NaN);
		return dimensions;
	}

	/** A byte order as the record says it: {@code big}, {@code little}, or {@code not applicable} for 1-byte types. */
	private static String byteOrder(final DataType type, final ByteOrder order) {
		if (type.size() == 1)
			return "not applicable";
		return order == ByteOrder.BIG_ENDIAN ? "big" : "little";
	}

	private static ObjectNode provenance(final ExportedVolume volume) {
		final ObjectNode provenance = Json.mapper().createObjectNode();
		provenance.put("download_url", volume.containerUri);
		provenance.put("internal_zarr_path", volume.arrayPath.isEmpty() ? volume.level
				: volume.arrayPath + "/" + volume.level);
		provenance.put("level", volume.level);
		provenance.set("level_shape", longs(volume.levelShape));
		provenance.set("region", isWholeLevel(volume) ? Json.mapper().nullNode() : region(volume));
		provenance.put("voxel_size_source", volume.voxelSizeSource.name().toLowerCase(Locale.ROOT));
		provenance.put("source_format", volume.sourceFormat);
		provenance.put("source_byte_order", byteOrder(volume.dataType, volume.sourceByteOrder));
		final ObjectNode software = provenance.putObject("software");
		software.put("name", SOFTWARE_NAME);
		software.put("version", softwareVersion());
		return provenance;
	}

	private static ObjectNode region(final ExportedVolume volume) {
		final long[] start = volume.region.start();
		final long[] stop = volume.region.end();
		final ObjectNode region = Json.mapper().createObjectNode();
		region.set("voxel_start", longs(start));
		region.set("voxel_stop", longs(stop));
		region.set("nm_start", edgesNm(volume, start));
		region.set("nm_stop", edgesNm(volume, stop));
		return region;
	}

	/** Physical positions of voxel edges: translation + (index - 0.5) × voxel size, or null when either is unknown. */
	private static JsonNode edgesNm(final ExportedVolume volume, final long[] indices) {
		if (volume.voxelSizeNm == null || volume.translationNm == null)
			return Json.mapper().nullNode();
		final ArrayNode edges = Json.mapper().createArrayNode();
		for (int d = 0; d < indices.length; d++) {
			final boolean known = d < volume.voxelSizeNm.length && d < volume.translationNm.length;
			addNumber(edges, known ? edge(volume.translationNm[d], indices[d], volume.voxelSizeNm[d]) : Double.NaN);
		}
		return edges;
	}

	private static ObjectNode cosemMetadata(final ExportedVolume volume) {
		final DatasetFacts facts = volume.facts;
		final ObjectNode cosem = Json.mapper().createObjectNode();
		final ObjectNode known = facts == null ? Json.mapper().createObjectNode() : facts.knownFacts();
		for (final String fact : CATALOG_FACTS)
			if (known.has(fact))
				cosem.set(fact, known.get(fact));
		cosem.put("array_path", volume.arrayPath);
		cosem.put("level", volume.level);
		if (facts == null)
			return cosem;
		cosem.put("dataset_id", facts.id());
		facts.source().ifPresent(source -> cosem.put("source", source));
		final ArrayNode thirdParty = cosem.putArray("third_party_fields");
		for (final String fact : facts.thirdPartyFields())
			if (isRecordedFact(fact) && known.has(fact))
				thirdParty.add(fact);
		return cosem;
	}

	/** Whether a catalog fact appears in the record (so its third-party origin is worth naming). */
	private static boolean isRecordedFact(final String fact) {
		return CATALOG_FACTS.contains(fact) || "imaging_start_date".equals(fact);
	}

	/** {@code {x, y, z}} of a z, y, x triple, or null. */
	private static JsonNode xyz(final double[] zyx) {
		if (zyx == null)
			return Json.mapper().nullNode();
		final ObjectNode xyz = Json.mapper().createObjectNode();
		final String[] names = { "x", "y", "z" };
		for (int i = 0; i < names.length; i++) {
			final int d = zyx.length - 1 - i;
			putNumber(xyz, names[i], d >= 0 ? zyx[d] : null);
		}
		return xyz;
	}

	private static String timestamp(final Instant instant) {
		return UTC_TIMESTAMP.format(instant);
	}

	private static ArrayNode longs(final long[] values) {
		final ArrayNode array = Json.mapper().createArrayNode();
		for (final long v : values)
			array.add(v);
		return array;
	}

	/** Puts a finite number, or null for null, NaN and infinities. */
	private static void putNumber(final ObjectNode node, final String name, final Double value) {
		if (value == null || !Double.isFinite(value))
			node.putNull(name);
		else
			node.put(name, value.doubleValue());
	}

	/** Adds a finite number, or null for NaN and infinities. */
	private static void addNumber(final ArrayNode node, final double value) {
		if (Double.isFinite(value))
			node.add(value);
		else
			node.addNull();
	}

	/** {@code value × count}, computed in decimal; NaN when value is not finite. */
	private static double times(final double value, final long count) {
		if (!Double.isFinite(value))
			return Double.NaN;
		return BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(count)).doubleValue();
	}

	/** {@code translation + (index - 0.5) × voxel}, computed in decimal; NaN when an operand is not finite. */
	private static double edge(final double translation, final long index, final double voxel) {
		if (!Double.isFinite(translation) || !Double.isFinite(voxel))
			return Double.NaN;
		final BigDecimal offset = BigDecimal.valueOf(index).subtract(HALF).multiply(BigDecimal.valueOf(voxel));
		return BigDecimal.valueOf(translation).add(offset).doubleValue();
	}
}
