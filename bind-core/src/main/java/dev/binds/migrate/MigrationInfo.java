package dev.binds.migrate;

import java.time.Duration;
import java.time.Instant;

/**
 * One migration of a bind, applied or pending, as {@link BindMigrator#info()} lists it. Flyway's own
 * names are kept for {@code type} and {@code state}, so they match Flyway's documentation.
 *
 * @param version       the version, or {@code null} for a repeatable migration
 * @param description   the description taken from the script's name
 * @param script        the script's name ({@code V2__add_orders.sql}) or the Java migration's class
 * @param type          Flyway's type: {@code SQL}, {@code JDBC}, {@code BASELINE}, {@code SCHEMA}…
 * @param state         Flyway's state: {@code PENDING}, {@code SUCCESS}, {@code FAILED}, {@code FUTURE_SUCCESS}…
 * @param checksum      the checksum (applied, or of the script when pending); {@code null} when there is none
 * @param installedOn   when it was applied, or {@code null} when pending
 * @param installedBy   the database user that applied it, or {@code null} when pending
 * @param executionTime how long it ran, or {@code null} when pending
 * @since 0.1.0
 */
public record MigrationInfo(String version, String description, String script, String type, String state,
                            Integer checksum, Instant installedOn, String installedBy, Duration executionTime) {

    /** @return whether it is recorded in the schema history (successfully or not) */
    public boolean isApplied() {
        return installedOn != null;
    }
}
