package dev.binds.micronaut.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** An immutable entity: Micronaut Data builds it through its constructor. Table {@code gadget}. */
@MappedEntity
public record Gadget(@Id @GeneratedValue @Nullable Long id,
                     String code,
                     @Nullable String itemName,
                     int quantity,
                     @Nullable Status status,
                     @Nullable LocalDateTime updatedAt) {
}
