package dev.binds.micronaut.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.IsolatedDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands as an application runs them ({@code java -jar app.jar status}): a fresh application
 * context per command, on three binds whose databases are empty (PostgreSQL), current (MariaDB) and
 * outdated (PostgreSQL, at version 1 of 2). Output and exit code of each command on each; failures, usage
 * errors and {@code --json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<IsolatedDatabase> databases = new ArrayList<>();
    /** Read by status, info and validate only, which change nothing. */
    private Map<String, Object> shared;

    @BeforeAll
    void createDatabases() {
        shared = prepared();
    }

    @AfterAll
    void dropDatabases() {
        databases.forEach(IsolatedDatabase::close);
    }

    @Test
    void statusOnEmptyCurrentAndOutdatedDatabases() throws IOException {
        Run all = cli(shared, "status");
        assertThat(all.code).as(all.toString()).isEqualTo(BindCommand.PENDING);
        assertThat(all.out).isEqualTo(lines(
                "current: UP_TO_DATE (current 2, latest 2, 0 pending) - Bind 'current': up to date at version 2",
                "empty: EMPTY (current none, latest 2, 2 pending) - Bind 'empty': no migration applied yet; sync() applies 2",
                "outdated: UPGRADE_AVAILABLE (current 1, latest 2, 1 pending) - Bind 'outdated': 1 migration(s) pending, "
                        + "version 1 -> 2; sync() applies them"));
        assertThat(all.err).isEmpty();

        assertThat(cli(shared, "status", "--bind", "current").code).isEqualTo(BindCommand.OK);
        assertThat(cli(shared, "status", "--bind", "empty").code).isEqualTo(BindCommand.PENDING);
        Run outdated = cli(shared, "status", "--bind", "outdated", "--json");
        assertThat(outdated.code).isEqualTo(BindCommand.PENDING);
        JsonNode json = JSON.readTree(outdated.out);
        assertThat(json.fieldNames()).toIterable().containsExactly("outdated");
        assertThat(json.path("outdated").path("state").asText()).isEqualTo("UPGRADE_AVAILABLE");
        assertThat(json.path("outdated").path("current").asText()).isEqualTo("1");
        assertThat(json.path("outdated").path("latest").asText()).isEqualTo("2");
        assertThat(json.path("outdated").path("pending").asInt()).isEqualTo(1);
        assertThat(json.path("outdated").path("ready").asBoolean()).isFalse();
    }

    @Test
    void infoOnEmptyCurrentAndOutdatedDatabases() throws IOException {
        Run run = cli(shared, "info");
        assertThat(run.code).as(run.toString()).isEqualTo(BindCommand.OK);
        assertThat(run.out).containsPattern("(?s)current: 2 migrations\\R  1 +SUCCESS +create items +\\d{4}-.*"
                + "\\R  2 +SUCCESS +add price +\\d{4}-");
        assertThat(run.out).containsPattern("empty: 2 migrations\\R  1 +PENDING +create items +\\R  2 +PENDING +add price");
        assertThat(run.out).containsPattern("outdated: 2 migrations\\R  1 +SUCCESS +create items +\\d{4}-.*\\R  2 +PENDING +add price");

        JsonNode json = JSON.readTree(cli(shared, "info", "--json", "--bind", "outdated,empty").out);
        assertThat(json.fieldNames()).toIterable().containsExactly("outdated", "empty");
        assertThat(json.path("outdated").get(0).path("state").asText()).isEqualTo("SUCCESS");
        assertThat(json.path("outdated").get(0).path("installedOn").asText()).isNotEmpty();
        assertThat(json.path("outdated").get(1).path("state").asText()).isEqualTo("PENDING");
        assertThat(json.path("outdated").get(1).path("script").asText()).isEqualTo("V2__add_price.sql");
        assertThat(json.path("empty").get(0).path("installedOn").isNull()).isTrue();
    }

    @Test
    void validateOnEmptyCurrentAndOutdatedDatabases() throws IOException {
        Run run = cli(shared, "validate");
        assertThat(run.code).as(run.toString()).isEqualTo(BindCommand.OK);
        assertThat(run.out).isEqualTo(lines("current: valid", "empty: valid", "outdated: valid"));
        JsonNode json = JSON.readTree(cli(shared, "validate", "--json", "--bind", "empty").out);
        assertThat(json.path("empty").path("valid").asBoolean()).isTrue();
    }

    @Test
    void syncCreatesUpgradesOrLeavesEachDatabase() throws IOException {
        Map<String, Object> props = prepared();
        Run run = cli(props, "sync");
        assertThat(run.code).as(run.toString()).isEqualTo(BindCommand.OK);
        assertThat(run.out).isEqualTo(lines(
                "current: ALREADY_UP_TO_DATE (version 2 -> 2, 0 applied)",
                "empty: CREATED (version none -> 2, 2 applied)",
                "outdated: UPGRADED (version 1 -> 2, 1 applied)"));
        Run json = cli(props, "sync", "--json");
        assertThat(json.code).isEqualTo(BindCommand.OK);
        assertThat(JSON.readTree(json.out).path("empty").path("outcome").asText()).isEqualTo("ALREADY_UP_TO_DATE");
        assertThat(cli(props, "status").code).isEqualTo(BindCommand.OK);
    }

    @Test
    void migrateToATargetOrTheLatestVersion() throws IOException {
        Map<String, Object> props = prepared();
        Run toOne = cli(props, "migrate", "--bind", "empty", "--target", "1");
        assertThat(toOne.code).as(toOne.toString()).isEqualTo(BindCommand.OK);
        assertThat(toOne.out).isEqualTo(lines("empty: CREATED (version none -> 1, 1 applied)"));

        Run run = cli(props, "migrate", "--json");
        assertThat(run.code).as(run.toString()).isEqualTo(BindCommand.OK);
        JsonNode json = JSON.readTree(run.out);
        assertThat(json.path("current").path("outcome").asText()).isEqualTo("ALREADY_UP_TO_DATE");
        assertThat(json.path("empty").path("outcome").asText()).isEqualTo("UPGRADED");
        assertThat(json.path("empty").path("from").asText()).isEqualTo("1");
        assertThat(json.path("empty").path("to").asText()).isEqualTo("2");
        assertThat(json.path("outdated").path("outcome").asText()).isEqualTo("UPGRADED");
        assertThat(json.path("outdated").path("applied").asInt()).isEqualTo(1);
        assertThat(cli(props, "status", "--json").code).isEqualTo(BindCommand.OK);
    }

    @Test
    void aFailedMigrationOrAnUnreachableDatabaseExitsWithOne() throws IOException {
        IsolatedDatabase broken = database(DatabaseKind.MARIADB);
        Map<String, Object> props = new HashMap<>();
        bind(props, "broken", broken, "classpath:db/wiring-broken");
        props.put("binds.down.url", "jdbc:mariadb://127.0.0.1:1/down");
        props.put("binds.down.username", "root");
        props.put("binds.down.migrations.locations", "classpath:db/cli");

        Run sync = cli(props, "sync", "--bind", "broken");
        assertThat(sync.code).as(sync.toString()).isEqualTo(BindCommand.FAILED);
        assertThat(sync.out).isEmpty();
        assertThat(sync.err).startsWith("broken: FAILED: ").contains("V2__broken.sql");

        // MariaDB has no transactional DDL: the failure is recorded
        Run status = cli(props, "status", "--bind", "broken");
        assertThat(status.code).isEqualTo(BindCommand.FAILED);
        assertThat(status.err).contains("broken: FAILED (current 1, latest 2");
        assertThat(cli(props, "validate", "--bind", "broken").code).isEqualTo(BindCommand.FAILED);

        Run down = cli(props, "status", "--json");
        assertThat(down.code).isEqualTo(BindCommand.FAILED);
        JsonNode json = JSON.readTree(down.out);
        assertThat(json.path("broken").path("state").asText()).isEqualTo("FAILED");
        assertThat(json.path("down").path("error").asText())
                .contains("Bind 'down': cannot connect to jdbc:mariadb://127.0.0.1:1/down");
    }

    @Test
    void usageErrorsAndAnApplicationThatDoesNotStart() {
        Run unknown = cli(shared, "status", "--bind", "nope");
        assertThat(unknown.code).isEqualTo(BindCommand.USAGE);
        assertThat(unknown.err).contains("No bind named 'nope'. Configured binds: current, empty, outdated");

        Run none = cli(shared);
        assertThat(none.code).isEqualTo(BindCommand.USAGE);
        assertThat(none.err).contains("Usage: binds").contains("status").contains("migrate").contains("Exit codes:");

        Run help = cli(shared, "migrate", "--help");
        assertThat(help.code).isEqualTo(BindCommand.OK);
        assertThat(help.out).contains("--target=VERSION").contains("--bind=NAME").contains("--json");

        Map<String, Object> wrong = new HashMap<>();
        wrong.put("binds.x.url", "jdbc:postgresql://127.0.0.1:5432/x");
        wrong.put("binds.x.driver-class-name", "com.example.NoSuchDriver");
        Run notStarted = cli(wrong, "status");
        assertThat(notStarted.code).isEqualTo(BindCommand.FAILED);
        assertThat(notStarted.err).contains("binds: the application did not start: Bind 'x': driver class "
                + "'com.example.NoSuchDriver' (binds.x.driver-class-name) was not found");
    }

    /** Three binds on fresh databases: {@code empty}, {@code current} (at 2 of 2), {@code outdated} (at 1 of 2). */
    private Map<String, Object> prepared() {
        Map<String, Object> props = new HashMap<>();
        bind(props, "empty", database(DatabaseKind.POSTGRES), "classpath:db/cli");
        bind(props, "current", database(DatabaseKind.MARIADB), "classpath:db/cli");
        bind(props, "outdated", database(DatabaseKind.POSTGRES), "classpath:db/cli");
        Run current = cli(props, "sync", "--bind", "current");
        Run outdated = cli(props, "migrate", "--bind", "outdated", "--target", "1");
        assertThat(current.code).as(current.toString()).isZero();
        assertThat(outdated.code).as(outdated.toString()).isZero();
        return props;
    }

    private IsolatedDatabase database(DatabaseKind kind) {
        IsolatedDatabase db = IsolatedDatabase.create(kind);
        databases.add(db);
        return db;
    }

    private static void bind(Map<String, Object> props, String name, IsolatedDatabase db, String locations) {
        props.put("binds." + name + ".url", db.jdbcUrl());
        props.put("binds." + name + ".username", db.username());
        props.put("binds." + name + ".migrations.locations", locations);
        props.put("binds." + name + ".pool.maximum-pool-size", 2);
    }

    private static Run cli(Map<String, Object> props, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BindCommand.execute(ApplicationContext.builder().properties(props), new PrintWriter(out),
                new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nout:\n" + out + "\nerr:\n" + err;
        }
    }
}
