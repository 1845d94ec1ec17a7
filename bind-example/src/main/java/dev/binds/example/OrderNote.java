package dev.binds.example;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A note on an order, written through a Micronaut Data repository on the {@code secondary} bind.
 *
 * @param id       generated key
 * @param orderRef the order's reference (column {@code order_ref})
 * @param note     the text
 */
@Serdeable
@MappedEntity("order_notes")
public record OrderNote(@Id @GeneratedValue Long id, String orderRef, String note) {
}
