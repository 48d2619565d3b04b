package org.openorganelle.fiji.codec;

/** The 32-bit xxHash of a byte range (the XXH32 algorithm, as LZ4 streams use it for block checksums). */
final class XxHash32 {

	private static final int PRIME1 = 0x9E3779B1;
	private static final int PRIME2 = 0x85EBCA77;
	private static final int PRIME3 = 0xC2B2AE3D;
	private static final int PRIME4 = 0x27D4EB2F;
	private static final int PRIME5 = 0x165667B1;

	private XxHash32() {
	}

	static int hash(final byte[] data, final int offset, final int length, final int seed) {
		final int end = offset + length;
		int at = offset;
		int h;
		if (length >= 16) {
			int v1 = seed + PRIME1 + PRIME2;
			int v2 = seed + PRIME2;
			int v3 = seed;
			int v4 = seed - PRIME1;
			while (at <= end - 16) {
				v1 = round(v1, intLE(data, at));
				v2 = round(v2, intLE(data, at + 4));
				v3 = round(v3, intLE(data, at + 8));
				v4 = round(v4, intLE(data, at + 12));
				at += 16;
			}
			h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
					+ Integer.rotateLeft(v4, 18);
		} else {
			h = seed + PRIME5;
		}
		h += length;
		while (at <= end - 4) {
			h = Integer.rotateLeft(h + intLE(data, at) * PRIME3, 17) * PRIME4;
			at += 4;
		}
		while (at < end) {
			h = Integer.rotateLeft(h + (data[at] & 0xff) * PRIME5, 11) * PRIME1;
			at++;
		}
		h ^= h >>> 15;
		h *= PRIME2;
		h ^= h >>> 13;
		h *= PRIME3;
		h ^= h >>> 16;
		return h;
	}

	private static int round(final int acc, final int lane) {
		return Integer.rotateLeft(acc + lane * PRIME2, 13) * PRIME1;
	}

	static int intLE(final byte[] b, final int at) {
		return b[at] & 0xff | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
	}
}
