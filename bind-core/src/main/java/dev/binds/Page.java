package dev.binds;

import java.util.List;
import java.util.function.Function;

/**
 * One page of an offset-paginated result, with the total number of matching rows.
 *
 * @param items the rows of this page
 * @param page  the page number, from 0
 * @param size  the page size asked for
 * @param total how many rows match in all
 * @param <T>   the item type
 * @since 0.1.0
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** @return how many pages there are */
    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    /** @return whether a later page has rows */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** @return this page with its items mapped */
    public <U> Page<U> map(Function<T, U> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }
}
