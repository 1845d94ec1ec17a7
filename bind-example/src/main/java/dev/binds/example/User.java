package dev.binds.example;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A user, stored on the {@code default} bind (table {@code users}).
 *
 * @param id     generated key
 * @param email  unique
 * @param name   display name
 * @param visits how often {@code POST /users} saw this email
 */
@Serdeable
@MappedEntity("users")
public record User(@Id @GeneratedValue Long id, String email, String name, int visits) {
}
