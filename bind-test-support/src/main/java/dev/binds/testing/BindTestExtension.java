package dev.binds.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit side of {@link BindTest}: registers, for the class, the clean-up that runs when JUnit closes the
 * class's context, that is after every {@code afterAll} callback, so after micronaut-test has stopped the
 * application context whichever extension was registered first.
 */
final class BindTestExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BindTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        context.getStore(NAMESPACE).getOrComputeIfAbsent(Cleanup.class, k -> new Cleanup(testClass), Cleanup.class);
    }

    /** JUnit 5.13+ closes it as an {@code AutoCloseable}, earlier versions as a {@code CloseableResource}: once either way. */
    @SuppressWarnings("deprecation")
    private record Cleanup(Class<?> testClass) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            IsolatedBinds.release(testClass);
        }
    }
}
