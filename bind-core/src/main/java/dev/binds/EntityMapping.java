package dev.binds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one entity class maps to its table: the table's name, each property's column, and a row
 * turned into an entity.
 *
 * @param <E> the entity type
 * @since 0.1.0
 */
public interface EntityMapping<E> {

    /** @return the table's name as the database knows it */
    String table();

    /**
     * @param property a property of the entity
     * @return its column
     * @throws UnknownIdentifierException naming the entity and the property when there is none
     */
    String column(String property);

    /** @return an entity holding a row's values */
    E fromRow(Row row);

    /**
     * @return the same values keyed by column instead of by property, in the same order; a model may
     *         also convert each value to what its column takes (an enum to its name, say)
     */
    default Map<String, Object> columns(Map<String, ?> byProperty) {
        Map<String, Object> out = new LinkedHashMap<>();
        byProperty.forEach((k, v) -> out.put(column(k), v));
        return out;
    }

    /**
     * The query {@code find} runs for an entity query: filters and ordering name properties and are
     * mapped to columns (and, as in {@link #columns(Map)}, their values may be converted). A cursor key
     * may name properties, or columns as {@link CursorPage#lastKey()} gives them: those are kept.
     *
     * @param query a query naming properties
     * @return the same query naming columns
     * @throws UnknownIdentifierException naming the entity and the property when a filter or an ordering names none
     */
    default Query query(Query query) {
        query.filters().keySet().forEach(this::column);
        query.order().forEach(o -> column(o.column()));
        return query.mapColumns(name -> {
            try {
                return column(name);
            } catch (UnknownIdentifierException e) {
                return name; // a cursor key's column, checked against the table when the query runs
            }
        });
    }
}
