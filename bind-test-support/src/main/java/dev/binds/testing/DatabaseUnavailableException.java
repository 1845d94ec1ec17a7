package dev.binds.testing;

/**
 * No server could be found for a test that needs one, and {@code CI=true}: the test fails instead of being
 * skipped, so that a CI run cannot pass without its databases. The message says what was tried and what to
 * start. Outside CI the same situation skips the test with the same message.
 *
 * <pre>{@code
 * // CI=true, nothing on 127.0.0.1:5432, no Docker, BIND_TEST_POSTGRES_URL unset:
 * BindExtension.postgres()  // the test class fails with DatabaseUnavailableException:
 * // "No PostgreSQL server for the tests. Tried: ... Start one: pg_ctlcluster ... or set BIND_TEST_POSTGRES_URL ..."
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was tried and what to start */
    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
