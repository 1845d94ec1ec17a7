package dev.binds;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a cursor (keyset) paginated result: stable under inserts, no {@code OFFSET} scan.
 * Continue with {@code query.after(page.lastKey())} or go back with {@code query.before(page.firstKey())}.
 *
 * @param items    the rows, in the query's order
 * @param firstKey the ordering values of the first row, or {@code null} when empty
 * @param lastKey  the ordering values of the last row, or {@code null} when empty
 * @param hasMore  whether more rows follow in the direction read
 * @param <T>      the item type
 * @since 0.1.0
 */
public record CursorPage<T>(List<T> items, Map<String, Object> firstKey, Map<String, Object> lastKey, boolean hasMore) {

    /** @return this page with its items mapped (keys unchanged) */
    public <U> CursorPage<U> map(Function<T, U> f) {
        return new CursorPage<>(items.stream().map(f).toList(), firstKey, lastKey, hasMore);
    }
}
