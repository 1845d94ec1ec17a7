package dev.binds.micronaut.data;

/** Stored by name, as Micronaut Data stores enums by default. */
public enum Status {
    OPEN, CLOSED
}
