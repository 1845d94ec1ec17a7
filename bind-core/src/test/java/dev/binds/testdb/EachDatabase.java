package dev.binds.testdb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test method once per {@link DatabaseKind}, which it receives as its parameter. A server
 * that is not running skips its invocation (fails it under {@code CI=true}) once the test calls
 * {@link IsolatedDatabase#create(DatabaseKind)}.
 *
 * <pre>{@code
 * @EachDatabase
 * void insertsRow(DatabaseKind kind) throws SQLException {
 *     try (IsolatedDatabase db = IsolatedDatabase.create(kind); Connection c = db.connect()) {
 *         c.createStatement().execute("create table t (id int primary key)");
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(DatabaseKind.class)
public @interface EachDatabase {
}
