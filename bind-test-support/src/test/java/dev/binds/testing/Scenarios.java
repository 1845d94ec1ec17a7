package dev.binds.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a scenario class (excluded from surefire) in a nested JUnit launch and reads its outcome. */
public final class Scenarios {

    private Scenarios() {
    }

    public static EngineExecutionResults run(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute();
    }

    /** @return the result of the scenario class's own container (not the engine's, not a test's) */
    public static TestExecutionResult classResult(EngineExecutionResults results, Class<?> scenario) {
        List<Event> finished = results.containerEvents().finished().stream()
                .filter(e -> e.getTestDescriptor().getSource()
                        .filter(s -> s instanceof ClassSource c && c.getClassName().equals(scenario.getName()))
                        .isPresent())
                .toList();
        if (finished.isEmpty()) {
            throw new AssertionError("No result for " + scenario.getName() + " in " + results.allEvents().list());
        }
        return finished.get(0).getRequiredPayload(TestExecutionResult.class);
    }

    /** Runs with system properties set, then restores them. */
    static EngineExecutionResults runWith(Class<?> scenario, String... keyValues) {
        String[] old = new String[keyValues.length / 2];
        for (int i = 0; i < keyValues.length; i += 2) {
            old[i / 2] = System.getProperty(keyValues[i]);
            System.setProperty(keyValues[i], keyValues[i + 1]);
        }
        try {
            return run(scenario);
        } finally {
            for (int i = 0; i < keyValues.length; i += 2) {
                if (old[i / 2] == null) {
                    System.clearProperty(keyValues[i]);
                } else {
                    System.setProperty(keyValues[i], old[i / 2]);
                }
            }
        }
    }
}
