package dev.binds.example;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An order, stored on the {@code secondary} bind (table {@code orders}).
 *
 * @param id     generated key
 * @param ref    the order's unique reference
 * @param total  amount in cents
 * @param status NEW, PAID, …
 */
@Serdeable
@MappedEntity("orders")
public record Order(@Id @GeneratedValue Long id, String ref, int total, String status) {
}
