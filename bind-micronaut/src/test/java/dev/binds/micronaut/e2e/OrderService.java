package dev.binds.micronaut.e2e;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** {@code @Transactional("secondary")} on bind {@code secondary} (PostgreSQL). */
@Singleton
@Requires(property = "spec.name", value = "e2e")
class OrderService {

    private final OrderRepository repository;

    OrderService(OrderRepository repository) {
        this.repository = repository;
    }

    @Transactional("secondary")
    PurchaseOrder create(String ref) {
        return repository.save(new PurchaseOrder(ref, 3));
    }

    @Transactional(value = "secondary", readOnly = true)
    long countReadOnly(String prefix) {
        return repository.countByRefStartsWith(prefix);
    }
}
