package org.openorganelle.fiji.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a store reports a failed read, asserted the same way for every store. */
final class StoreFailures {

	private StoreFailures() {
	}

	/**
	 * Asserts that reading key {@code k} fails with this status (0: no HTTP answer) and
	 * retryability, the status named in the message.
	 */
	static StoreException assertFailure(final KeyValueStore store, final int status, final boolean retryable) {
		final StoreException e = assertThrows(StoreException.class, () -> store.get("k"));
		assertEquals(status, e.httpStatus(), e.getMessage());
		assertEquals(retryable, e.isRetryable(), e.getMessage());
		if (status != 0) assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
		return e;
	}
}
