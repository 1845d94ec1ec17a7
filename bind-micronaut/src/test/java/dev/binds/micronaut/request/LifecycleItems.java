package dev.binds.micronaut.request;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** A Micronaut Data repository on bind {@code secondary}. */
@JdbcRepository(dialect = Dialect.H2)
@Repository("secondary")
@Requires(property = "spec.name", value = "RequestLifecycleTest")
public interface LifecycleItems extends CrudRepository<Item, Long> {

    long countByName(String name);
}
