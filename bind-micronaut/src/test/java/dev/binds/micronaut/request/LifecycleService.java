package dev.binds.micronaut.request;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** {@code @Transactional("secondary")} methods, called from inside requests. */
@Singleton
@Requires(property = "spec.name", value = "RequestLifecycleTest")
public class LifecycleService {

    private final LifecycleItems items;

    LifecycleService(LifecycleItems items) {
        this.items = items;
    }

    @Transactional("secondary")
    public Item save(String name) {
        return items.save(new Item(name, 1));
    }

    @Transactional("secondary")
    public Item saveThenFail(String name) {
        items.save(new Item(name, 1));
        throw new IllegalStateException("failed inside @Transactional");
    }
}
