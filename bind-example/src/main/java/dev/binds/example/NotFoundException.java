package dev.binds.example;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** A 404 with a message. */
final class NotFoundException extends HttpStatusException {

    NotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
