package dev.binds;

/**
 * Work done with a session that returns a value; may throw the caller's checked exception.
 *
 * @param <R> the result
 * @param <X> the checked exception the work may throw
 * @since 0.1.0
 */
@FunctionalInterface
public interface SessionCallback<R, X extends Exception> {
    R withSession(BindSession session) throws X;
}
