package dev.binds.micronaut.data;

import dev.binds.EntityMapping;
import dev.binds.EntityModel;
import dev.binds.UnknownIdentifierException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.model.runtime.RuntimeEntityRegistry;
import io.micronaut.data.runtime.convert.DataConversionService;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entity model every bind's sessions use: Micronaut Data's own, for {@code @MappedEntity} classes.
 * Tables, columns and naming strategies come from {@link RuntimeEntityRegistry}; rows become entities
 * through Micronaut Data's row mapper and compile-time introspections, and property values become
 * parameters as its JDBC repositories bind them (enums by name, {@code Instant} as a timestamp,
 * attribute converters). No reflection: an entity without a compile-time introspection is refused.
 * One {@link EntityMapping} is built per class, on first use, and kept.
 *
 * @since 0.1.0
 */
@Internal
@Singleton
final class MicronautDataEntityModel implements EntityModel {

    private final RuntimeEntityRegistry registry;
    private final RowResultReader rows;
    private final ParameterConverter parameters;
    private final Map<Class<?>, EntityTable<?>> mappings = new ConcurrentHashMap<>();

    MicronautDataEntityModel(RuntimeEntityRegistry registry, DataConversionService conversions) {
        this.registry = registry;
        this.rows = new RowResultReader(conversions);
        this.parameters = new ParameterConverter(conversions);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> EntityMapping<E> mapping(Class<E> type) {
        EntityTable<?> mapping = mappings.get(type);
        if (mapping == null) {
            mapping = mappings.computeIfAbsent(type, this::create);
        }
        return (EntityMapping<E>) mapping;
    }

    private <E> EntityTable<E> create(Class<E> type) {
        BeanIntrospection<E> introspection = BeanIntrospector.SHARED.findIntrospection(type).orElse(null);
        if (introspection == null || !introspection.hasStereotype(MappedEntity.class)) {
            throw new UnknownIdentifierException(null, type.getName() + " is not a Micronaut Data entity"
                    + (introspection == null ? " (no compile-time introspection of it was found)" : "")
                    + ": entity operations on BindSession take @MappedEntity classes compiled with "
                    + "micronaut-data-processor; for other tables use the table-based methods (getOrCreate(\"table\", ..))");
        }
        return EntityTable.of(registry.getEntity(type), rows, parameters);
    }
}
