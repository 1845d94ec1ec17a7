package dev.binds.testing;

import dev.binds.MigrationSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures what a test class waits for its database: provisioning (create + schema) and drop, per kind and
 * method, for the two-script {@code db/orders} and the ten-table {@code db/timing} migrations. Prints a table
 * and writes it to {@code target/provisioning-times.md}; the README quotes a run of it.
 */
class ProvisioningTimesTest {

    private static final int ROUNDS = 9;

    /** Opt-in, alone, so that no other fork disturbs it: {@code mvn -pl bind-test-support test -Dtest=ProvisioningTimesTest -Dbindtest.timings=true}. */
    @Test
    void provisioningTimePerTestClass() throws IOException {
        assumeTrue(Boolean.getBoolean("bindtest.timings"), "measurement runs with -Dbindtest.timings=true");
        List<String> lines = new ArrayList<>();
        lines.add("| migrations | database, method | provision median (ms) | min–max (ms) | drop median (ms) |");
        lines.add("|---|---|---|---|---|");
        for (String location : List.of("db/orders", "db/timing")) {
            MigrationSettings m = MigrationSettings.DEFAULTS.withLocations(List.of("classpath:" + location));
            lines.add(measure(location, "PostgreSQL, copy of template", DatabaseKind.POSTGRES, m, true));
            lines.add(measure(location, "PostgreSQL, migrated", DatabaseKind.POSTGRES, m, false));
            lines.add(measure(location, "MariaDB, copy of template", DatabaseKind.MARIADB, m, true));
            lines.add(measure(location, "MariaDB, migrated", DatabaseKind.MARIADB, m, false));
            lines.add(measure(location, "H2, migrated", DatabaseKind.H2, m, true));
        }
        String table = String.join("\n", lines);
        System.out.println(table);
        Files.writeString(Path.of("target", "provisioning-times.md"), table + "\n");
    }

    private static String measure(String location, String label, DatabaseKind kind, MigrationSettings m, boolean templates) {
        if (!templates) {
            System.setProperty("BIND_TEST_TEMPLATES", "false");
        }
        try {
            TestDatabase.create(kind, "timing", m).close(); // warm-up: drivers, Flyway, the template
            long[] provision = new long[ROUNDS];
            long[] drop = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                TestDatabase db = TestDatabase.create(kind, "timing", m);
                assertThat(db.method()).isEqualTo(templates && kind != DatabaseKind.H2
                        ? Provisioner.Method.TEMPLATE : Provisioner.Method.MIGRATED);
                provision[i] = db.provisioningTime().toMillis();
                long start = System.nanoTime();
                db.close();
                drop[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(provision);
            Arrays.sort(drop);
            return "| " + location + " | " + label + " | " + provision[ROUNDS / 2] + " | " + provision[0] + "–"
                    + provision[ROUNDS - 1] + " | " + drop[ROUNDS / 2] + " |";
        } finally {
            System.clearProperty("BIND_TEST_TEMPLATES");
        }
    }
}
