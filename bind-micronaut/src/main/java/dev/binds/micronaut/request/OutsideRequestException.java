package dev.binds.micronaut.request;

import dev.binds.SessionStateException;

/**
 * Thrown when the request-scoped {@code @Named("x") BindSession} is used where there is no HTTP request
 * to scope it to: a scheduled job, a message consumer, a start-up hook, a test calling a bean directly.
 * The message says what to use instead: {@code Bind.inTransaction} or {@code Bind.withSession}, which
 * work everywhere.
 *
 * @since 0.1.0
 */
public class OutsideRequestException extends SessionStateException {

    /**
     * @param bindName the bind
     * @param message  what happened and what to do
     */
    public OutsideRequestException(String bindName, String message) {
        super(bindName, message);
    }
}
