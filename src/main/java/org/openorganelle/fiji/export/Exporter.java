package org.openorganelle.fiji.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.openorganelle.fiji.DaemonThreads;
import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.array.ArrayMetadata;
import org.openorganelle.fiji.array.Json;
import org.openorganelle.fiji.discovery.Modality;
import org.openorganelle.fiji.multiscale.LevelTransform;
import org.openorganelle.fiji.multiscale.ScaleLevel;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Exports one level (or a region of it) of a multiscale image to a NumPy {@code .npy}
 * file and its v2.0 metadata record: checks the size against the limit, streams the data
 * (see {@link VolumeStreamer}), validates the record against the schema and only then
 * renames both files into place. A failed, cancelled or timed-out export leaves no file
 * behind.
 */
public final class Exporter {

	private Exporter() {
	}

	/**
	 * @return the written files and record
	 * @throws OpenOrganelleException when the export is too large, the output cannot be
	 *         written, a chunk cannot be fetched or decoded; {@link ExportCancelledException}
	 *         when cancelled or out of time
	 */
	public static ExportResult export(final ExportRequest request, final ExportOptions options) {
		checkSize(request, options);
		final Instant started = options.clock().instant();
		final OutputFiles files = OutputFiles.reserve(request.outputDirectory(), request.baseName(),
				request.level().name(), LocalDateTime.ofInstant(started, options.clock().getZone()));
		final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(
				"openorganelle-timeout"));
		if (options.timeout() != null)
			timer.schedule(() -> options.cancellation().cancel("timed out after "
					+ HumanReadable.number(options.timeout().toMillis() / 1000.0) + " s (--timeout)"),
					options.timeout().toMillis(), TimeUnit.MILLISECONDS);
		try {
			files.checkSpace(request.bytes());
			final VolumeStreamer.Result streamed = stream(request, options, files);
			final ExportedVolume volume = describe(request, streamed, files, started, options.clock().instant());
			final ObjectNode record = MetadataRecord.build(volume, files.metadata);
			MetadataSchema.validate(record);
			Files.write(files.metadataPart, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(record),
					StandardOpenOption.CREATE_NEW);
			options.cancellation().check();
			files.publish();
			return new ExportResult(files.npy, files.metadata, record, volume);
		} catch (final IOException e) {
			discard(files, e);
			throw new OpenOrganelleException("cannot write the export to " + files.npy.getParent() + ": "
					+ e.getMessage(), e);
		} catch (final RuntimeException | Error e) {
			discard(files, e);
			throw e;
		} finally {
			timer.shutdownNow();
		}
	}

	private static VolumeStreamer.Result stream(final ExportRequest request, final ExportOptions options,
			final OutputFiles files) throws IOException {
		final VolumeStreamer streamer = new VolumeStreamer(request.level().array(), request.region(),
				options.workers(), options.memory(), request.outputDirectory(), options.cancellation(),
				options.progress());
		try (FileChannel out = FileChannel.open(files.npyPart, StandardOpenOption.WRITE)) {
			final VolumeStreamer.Result result = streamer.stream(out);
			out.force(false);
			if (out.size() != result.bytes)
				throw new OpenOrganelleException("the written file " + files.npyPart + " has " + out.size()
						+ " bytes, expected " + result.bytes);
			return result;
		}
	}

	private static void discard(final OutputFiles files, final Throwable failure) {
		try {
			files.discard();
		} catch (final OpenOrganelleException e) {
			failure.addSuppressed(e);
		}
	}

	/**
	 * Checks a request before anything is fetched: a non-empty region inside the level, and
	 * a size within the limit (else suggesting the finest level that fits, or a region).
	 *
	 * @throws OpenOrganelleException naming the problem
	 */
	public static void checkSize(final ExportRequest request, final ExportOptions options) {
		if (request.region().elementCount() == 0)
			throw new OpenOrganelleException("the region " + request.region() + " is empty");
		if (!request.region().fitsIn(request.level().shape()))
			throw new OpenOrganelleException("the region " + request.region() + " lies outside level "
					+ request.level().name() + " of shape " + HumanReadable.shape(request.level().shape()));
		final long bytes = request.bytes();
		if (bytes <= options.maxBytes())
			return;
		final StringBuilder advice = new StringBuilder();
		for (final String name : request.group().levelNames()) {
			final Optional<Long> size = levelBytes(request, name);
			if (size.isPresent() && size.get() <= options.maxBytes()) {
				advice.append("; level ").append(name).append(" is ").append(HumanReadable.bytes(size.get()));
				break;
			}
		}
		throw new OpenOrganelleException(request.group().path() + " level " + request.level().name() + " ("
				+ (request.region().elementCount() == request.level().metadata().elementCount() ? "whole level"
						: "region " + request.region())
				+ ") is " + HumanReadable.bytes(bytes) + ", above the limit of "
				+ HumanReadable.binaryBytes(options.maxBytes())
				+ advice + "; choose a coarser level or a region, or raise the size limit (--max-bytes; limit= in "
				+ "Fiji)");
	}

	private static Optional<Long> levelBytes(final ExportRequest request, final String name) {
		if (name.equals(request.level().name()))
			return Optional.of(request.level().uncompressedBytes());
		final List<String> names = request.group().levelNames();
		if (names.indexOf(name) < names.indexOf(request.level().name()))
			return Optional.empty();
		return Optional.of(request.group().level(name).uncompressedBytes());
	}

	private static ExportedVolume describe(final ExportRequest request, final VolumeStreamer.Result streamed,
			final OutputFiles files, final Instant started, final Instant finished) {
		final ScaleLevel level = request.level();
		final ArrayMetadata metadata = level.metadata();
		final ExportedVolume v = new ExportedVolume();
		v.dataset = request.dataset();
		v.containerUri = request.group().store().uri("");
		v.arrayPath = request.group().path();
		v.level = level.name();
		v.modality = Modality.of(request.group().path());
		v.dataType = level.dataType();
		v.levelShape = level.shape();
		v.region = request.region();
		v.chunkShape = metadata.chunks();
		v.shardShape = level.array().layout().shardShape().orElse(null);
		v.sourceFormat = level.array().layout().formatName();
		v.sourceByteOrder = level.array().layout().storedByteOrder(metadata);
		v.compressorId = metadata.compressor().id();
		v.compressorDescription = metadata.compressor().describe();
		final Optional<LevelTransform> transform = level.transform();
		if (request.voxelSizeOverride() != null) {
			v.voxelSizeNm = request.voxelSizeOverride();
			v.voxelSizeSource = ExportedVolume.VoxelSizeSource.OVERRIDE;
		} else {
			v.voxelSizeNm = transform.map(LevelTransform::scaleNm).orElse(null);
			v.voxelSizeSource = transform.isPresent() ? ExportedVolume.VoxelSizeSource.METADATA
					: ExportedVolume.VoxelSizeSource.UNKNOWN;
		}
		v.translationNm = transform.map(LevelTransform::translationNm).orElse(null);
		v.groupAttributes = request.group().multiscale().attributes();
		v.facts = request.facts();
		v.npyFile = files.npy;
		v.npyBytes = streamed.bytes;
		v.sha256 = streamed.sha256;
		v.mean = streamed.mean;
		v.chunksRead = streamed.chunksRead;
		v.chunksMissing = streamed.chunksMissing;
		v.startedAt = started;
		v.finishedAt = finished;
		v.processingSeconds = (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0;
		return v;
	}
}
