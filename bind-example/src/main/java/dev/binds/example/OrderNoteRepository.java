package dev.binds.example;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.annotation.Repository;

import java.util.List;

/**
 * Micronaut Data on the {@code secondary} bind: inside a request it shares the request's
 * {@code @Named("secondary") BindSession} connection and transaction. The dialect is the bind's
 * ({@code datasources.secondary.dialect} is derived from the URL); the annotation's is a default.
 */
@JdbcRepository(dialect = Dialect.H2)
@Repository("secondary")
public interface OrderNoteRepository extends CrudRepository<OrderNote, Long> {

    List<OrderNote> findByOrderRef(String orderRef);
}
