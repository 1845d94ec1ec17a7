package dev.binds.micronaut.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Relation;

/** An entity with a relation, which entity operations refuse by name. */
@MappedEntity
public record TicketNote(@Id @GeneratedValue Long id,
                         String text,
                         @Relation(Relation.Kind.MANY_TO_ONE) SupportTicket ticket) {
}
