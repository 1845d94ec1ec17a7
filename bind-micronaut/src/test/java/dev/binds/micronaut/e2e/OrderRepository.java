package dev.binds.micronaut.e2e;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Micronaut Data on bind {@code secondary}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Repository("secondary")
@Requires(property = "spec.name", value = "e2e")
public interface OrderRepository extends CrudRepository<PurchaseOrder, Long> {

    long countByRefStartsWith(String prefix);
}
