package dev.binds.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives every bind of a {@code @MicronautTest} class its own fresh database, before the application context
 * starts. For each {@code binds.<name>.url} of the application's configuration ({@code application.yml},
 * {@code application-test.yml}, the class's {@code @Property}s), a database of the same kind
 * ({@code jdbc:postgresql}, {@code jdbc:mariadb}, {@code jdbc:h2}) is made with the bind's migrations
 * ({@code binds.<name>.migrations.*}) applied, and the context sees it through {@code binds.<name>.url},
 * {@code username} and {@code password}. After the class, when the context has stopped, no connection to
 * those databases may remain open (the class fails naming itself otherwise), and they are dropped.
 *
 * <pre>{@code
 * @MicronautTest
 * @BindTest
 * class OrderControllerTest {
 *     @Inject @Client("/") HttpClient client;
 *
 *     @Test
 *     void createsOrder() {
 *         client.toBlocking().exchange(HttpRequest.POST("/orders", Map.of("ref", "A-1")));
 *     }
 * }
 * }</pre>
 *
 * <p>Needs {@code io.micronaut.test:micronaut-test-junit5} on the test classpath: micronaut-test finds
 * {@link BindTestPropertyProviderFactory} through {@code ServiceLoader} and asks it for the properties.
 * The order of {@code @MicronautTest} and {@code @BindTest} does not matter.
 *
 * <p>There is no per-test rollback here: the application's sessions are request-scoped and commit before the
 * response is written, on server threads, so no test transaction can span them. Each test class starts from a
 * freshly migrated database; for rollback per test in code that takes a {@code Bind}, use {@link BindExtension}.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(BindTestExtension.class)
public @interface BindTest {

    /** @return the binds to give a fresh database; empty (the default) means every bind with a URL */
    String[] value() default {};
}
