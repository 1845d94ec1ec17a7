package dev.binds.micronaut.data;

import dev.binds.EntityMapping;
import dev.binds.Query;
import dev.binds.Row;
import dev.binds.UnknownIdentifierException;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.model.Association;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.Embedded;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import io.micronaut.data.model.runtime.RuntimePersistentProperty;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.micronaut.data.runtime.mapper.sql.SqlResultEntityTypeMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code @MappedEntity} class and its table, as Micronaut Data maps them: the table and column
 * names its naming strategy gives, rows read by its own {@link SqlResultEntityTypeMapper} (the one its
 * JDBC repositories use: constructor arguments for records and immutable classes, setters otherwise,
 * its conversions and attribute converters), and values written as its repositories bind them.
 * Immutable and thread-safe; built once per class.
 */
final class EntityTable<E> implements EntityMapping<E> {

    private final RuntimePersistentEntity<E> entity;
    private final String table;
    private final Map<String, RuntimePersistentProperty<E>> byName;
    /** Lower-case column to property, for cursor keys that name columns. */
    private final Map<String, RuntimePersistentProperty<E>> byColumn;
    private final SqlResultEntityTypeMapper<Row, E> mapper;
    private final ParameterConverter parameters;

    private EntityTable(RuntimePersistentEntity<E> entity, String table, Map<String, RuntimePersistentProperty<E>> byName,
                        RowResultReader rows, ParameterConverter parameters) {
        this.entity = entity;
        this.table = table;
        this.byName = byName;
        Map<String, RuntimePersistentProperty<E>> columns = new HashMap<>();
        byName.values().forEach(p -> columns.put(p.getPersistedName().toLowerCase(Locale.ROOT), p));
        this.byColumn = columns;
        this.mapper = new SqlResultEntityTypeMapper<>(entity, rows, Set.of(), null, rows.getConversionService());
        this.parameters = parameters;
    }

    /**
     * @throws UnknownIdentifierException naming the entity and the property when a property is a relation,
     *                                    an embedded value or a JSON column, which sessions do not map
     */
    static <E> EntityTable<E> of(RuntimePersistentEntity<E> entity, RowResultReader rows, ParameterConverter parameters) {
        List<RuntimePersistentProperty<E>> all = new ArrayList<>(entity.getRuntimeIdentityProperties());
        if (entity.getVersion() != null) {
            all.add(entity.getVersion());
        }
        all.addAll(entity.getPersistentProperties());
        String schema = entity.getAnnotationMetadata().stringValue(MappedEntity.class, "schema").orElse("");
        String table = schema.isEmpty() ? entity.getPersistedName() : schema + "." + entity.getPersistedName();
        Map<String, RuntimePersistentProperty<E>> byName = new LinkedHashMap<>();
        for (RuntimePersistentProperty<E> p : all) {
            String kind = p instanceof Embedded ? "an embedded value (@Embedded / @EmbeddedId)"
                    : p instanceof Association ? "a relation (@Relation)"
                    : p.getDataType() == DataType.JSON ? "a JSON column" : null;
            if (kind != null) {
                throw new UnknownIdentifierException(null, "Entity " + entity.getName() + " (table '" + table
                        + "'): property '" + p.getName() + "' is " + kind + ", which entity operations on BindSession do not "
                        + "map; they take basic properties only. Use a @JdbcRepository for " + entity.getSimpleName()
                        + ", or the table-based methods on '" + table + "'. Properties: " + names(all));
            }
            byName.put(p.getName(), p);
        }
        return new EntityTable<>(entity, table, Collections.unmodifiableMap(byName), rows, parameters);
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public String column(String property) {
        return property(property).getPersistedName();
    }

    @Override
    public E fromRow(Row row) {
        try {
            return mapper.readEntity(row);
        } catch (UnknownIdentifierException e) {
            throw new UnknownIdentifierException(null, "Entity " + entity.getName() + " (table '" + table + "') maps "
                    + propertyColumns() + ": " + e.getMessage() + ". Add the column in a migration, map the property to "
                    + "another (@MappedProperty) or leave it out (@Transient)", e);
        }
    }

    @Override
    public Map<String, Object> columns(Map<String, ?> byProperty) {
        Map<String, Object> out = new LinkedHashMap<>();
        byProperty.forEach((name, value) -> {
            RuntimePersistentProperty<E> p = property(name);
            out.put(p.getPersistedName(), parameter(p, value));
        });
        return out;
    }

    @Override
    public Query query(Query query) {
        Query mapped = Query.where(columns(query.filters())).limit(query.limit());
        for (Query.Order order : query.order()) {
            mapped = mapped.orderBy(column(order.column()), order.direction());
        }
        if (query.cursor() != null) {
            Map<String, Object> key = new LinkedHashMap<>();
            query.cursor().forEach((name, value) -> {
                RuntimePersistentProperty<E> p = byName.get(name);
                if (p != null) {
                    key.put(p.getPersistedName(), parameter(p, value));
                } else if (byColumn.containsKey(name.toLowerCase(Locale.ROOT))) {
                    key.put(name, value); // from CursorPage.firstKey()/lastKey(): a column and the value read
                } else {
                    property(name); // throws, naming the entity
                }
            });
            mapped = query.isBefore() ? mapped.before(key) : mapped.after(key);
        }
        return mapped;
    }

    private RuntimePersistentProperty<E> property(String name) {
        RuntimePersistentProperty<E> p = byName.get(name);
        if (p == null) {
            throw new UnknownIdentifierException(null, "Entity " + entity.getName() + " (table '" + table
                    + "') has no property '" + name + "'. Its properties are " + names(byName.values())
                    + "; entity operations name properties, not columns");
        }
        return p;
    }

    /** As Micronaut Data binds a value: through the property's attribute converter, then by its data type. */
    private Object parameter(RuntimePersistentProperty<E> p, Object value) {
        AttributeConverter<Object, Object> converter = p.getConverter();
        Object persisted = converter == null || value == null ? value
                : converter.convertToPersistedValue(value, ConversionContext.of(p.getArgument()));
        return parameters.convert(p.getDataType(), persisted);
    }

    private Map<String, String> propertyColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        byName.forEach((name, p) -> out.put(name, p.getPersistedName()));
        return out;
    }

    private static List<String> names(Iterable<? extends RuntimePersistentProperty<?>> properties) {
        List<String> out = new ArrayList<>();
        properties.forEach(p -> out.add(p.getName()));
        return out;
    }

    @Override
    public String toString() {
        return "EntityTable[" + entity.getName() + " -> " + table + "]";
    }
}
