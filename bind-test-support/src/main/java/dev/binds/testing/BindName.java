package dev.binds.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which bind a {@code Bind}, {@code BindSession} or {@link TestDatabase} test parameter belongs to, when
 * a test class registers several {@link BindExtension}s. Without it, the parameter goes to the only extension
 * of the class; with two or more, JUnit reports competing resolvers.
 *
 * <pre>{@code
 * @RegisterExtension static BindExtension orders = BindExtension.postgres().withName("orders");
 * @RegisterExtension static BindExtension audit = BindExtension.mariadb().withName("audit");
 *
 * @Test
 * void writesBoth(@BindName("orders") BindSession o, @BindName("audit") BindSession a) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface BindName {

    /** @return the bind's name, as given to {@link BindExtension#withName(String)} */
    String value();
}
