package dev.binds;

/**
 * What {@code getOrCreate} and {@code updateOrCreate} return: the row and whether this call inserted it.
 *
 * @param value   the row, as the database holds it after the call
 * @param created {@code true} when this call inserted it, {@code false} when it was found
 * @param <T>     the row type
 * @since 0.1.0
 */
public record CreateResult<T>(T value, boolean created) {
}
