package dev.binds;

/**
 * Work done with a session that returns nothing; may throw the caller's checked exception.
 *
 * @param <X> the checked exception the work may throw
 * @since 0.1.0
 */
@FunctionalInterface
public interface SessionConsumer<X extends Exception> {
    void useSession(BindSession session) throws X;
}
