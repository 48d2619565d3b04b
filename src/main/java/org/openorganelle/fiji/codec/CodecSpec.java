package org.openorganelle.fiji.codec;

import java.util.function.Supplier;

/** A {@link Compressor} made of its id, a description and a factory of decompressors. */
final class CodecSpec implements Compressor {

	private final String id;
	private final String description;
	private final Supplier<Decompressor> decompressors;

	CodecSpec(final String id, final String description, final Supplier<Decompressor> decompressors) {
		this.id = id;
		this.description = description;
		this.decompressors = decompressors;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String describe() {
		return description;
	}

	@Override
	public Decompressor newDecompressor() {
		return decompressors.get();
	}

	@Override
	public String toString() {
		return description;
	}
}
