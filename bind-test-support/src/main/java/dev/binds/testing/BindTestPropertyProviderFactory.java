package dev.binds.testing;

import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.test.support.TestPropertyProviderFactory;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Map;
import java.util.Optional;

/**
 * How {@link BindTest} reaches the application context before it starts: micronaut-test loads this factory
 * through {@code ServiceLoader} for every {@code @MicronautTest} class, passing the configuration it has
 * read; for a class annotated {@code @BindTest} it makes the test databases and returns
 * {@code binds.<name>.url}, {@code username} and {@code password} for each. Not called by users.
 *
 * <pre>{@code
 * // META-INF/services/io.micronaut.test.support.TestPropertyProviderFactory names this class; a user writes:
 * @MicronautTest
 * @BindTest
 * class OrdersTest { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BindTestPropertyProviderFactory implements TestPropertyProviderFactory {

    /** Called by {@code ServiceLoader}. */
    public BindTestPropertyProviderFactory() {
    }

    @Override
    public TestPropertyProvider create(Map<String, Object> availableProperties, Class<?> testClass) {
        Optional<BindTest> annotation = AnnotationSupport.findAnnotation(testClass, BindTest.class);
        if (annotation.isEmpty()) {
            return Map::of;
        }
        Map<String, String> properties = IsolatedBinds.forClass(testClass)
                .provision(availableProperties, annotation.get().value());
        return () -> properties;
    }
}
