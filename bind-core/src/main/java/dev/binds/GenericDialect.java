package dev.binds;

/** Any other database: standard SQL, with savepoints around statements that may fail. */
final class GenericDialect extends Dialect {

    GenericDialect() {
        super("generic", null);
    }
}
