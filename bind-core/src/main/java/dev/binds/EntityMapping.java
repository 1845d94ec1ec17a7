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

    /** @return the same values keyed by column instead of by property, in the same order */
    default Map<String, Object> columns(Map<String, ?> byProperty) {
        Map<String, Object> out = new LinkedHashMap<>();
        byProperty.forEach((k, v) -> out.put(column(k), v));
        return out;
    }
}
