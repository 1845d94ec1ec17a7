package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.BindConfigurationException;
import dev.binds.MigrationFailedException;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.binds.migrate.MigrationBinds.bind;
import static dev.binds.migrate.MigrationBinds.count;
import static dev.binds.migrate.MigrationBinds.locations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flyway runs on the bind's own pool, whose connections have {@code autoCommit=false}: Flyway switches each
 * connection to auto-commit while it holds it and manages its own transactions, so what it applies is
 * committed, and it hands the connections back as it found them.
 */
class BindMigratorConnectionsTest {

    @EachDatabase
    void migrationsAreCommittedAndConnectionsComeBackUnchanged(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase(); Bind shop = bind(db, "shop", locations("shop/v1"))) {
            BindMigrator migrator = BindMigrator.of(shop);
            migrator.status();
            migrator.sync();
            migrator.info();
            // seen from outside the pool: committed
            assertThat(count(db, "select count(*) from items")).isEqualTo(1);
            assertThat(shop.poolState().active()).as("connections Flyway borrowed are back").isZero();
            try (Connection c = shop.dataSource().getConnection()) {
                assertThat(c.getAutoCommit()).as("the pool's autoCommit=false is restored").isFalse();
            }
        }
    }

    @EachDatabase
    void failedMigrationReturnsItsConnections(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind shop = bind(db, "shop", locations("shop/v1", "broken"))) {
            BindMigrator migrator = BindMigrator.of(shop);
            assertThatThrownBy(migrator::sync).isInstanceOf(MigrationFailedException.class);
            migrator.status();
            assertThat(shop.poolState().active()).isZero();
        }
    }

    @EachDatabase
    void migratorOnALazyBindStartsItsPoolOnFirstUse(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind shop = Bind.create(MigrationBinds.config(db, "shop", locations("shop/v1")).lazy(true).build())) {
            BindMigrator migrator = BindMigrator.of(shop);
            assertThat(shop.isStarted()).as("creating the migrator connects to nothing").isFalse();
            assertThat(migrator.status().state()).isEqualTo(MigrationState.EMPTY);
            assertThat(shop.isStarted()).isTrue();
        }
    }

    /** Flyway holds two connections at once: two suffice, one is refused up front. */
    @EachDatabase
    void aPoolOfTwoIsEnoughAndAPoolOfOneIsRefused(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind two = Bind.create(MigrationBinds.config(db, "shop", locations("shop/v1", "shop/v2"))
                     .pool(Map.of("maximum-pool-size", 2, "connection-timeout", "5s")).build());
             Bind one = Bind.create(MigrationBinds.config(db, "shop", locations("shop/v1", "shop/v2"))
                     .pool(Map.of("maximum-pool-size", 1)).lazy(true).build())) {
            assertThat(BindMigrator.of(two).sync().migrationsApplied()).isEqualTo(2);
            assertThatThrownBy(() -> BindMigrator.of(one)).isInstanceOf(BindConfigurationException.class)
                    .hasMessageContaining("binds.shop.pool.maximum-pool-size is 1. Set it to 2 or more");
        }
    }

    /** A readiness probe never waits for the instance's own migration: it is told the instance is migrating. */
    @EachDatabase
    void statusDuringItsOwnSyncAnswersMigratingAtOnce(DatabaseKind kind) throws Exception {
        CountDownLatch migrating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (IsolatedDatabase db = kind.createDatabase(); Bind notes = bind(db, "notes", locations("other"))) {
            BindMigrator migrator = BindMigrator.of(notes, List.of(new V2__Waits(migrating, release)));
            assertThat(migrator.status().state()).isEqualTo(MigrationState.EMPTY);
            CompletableFuture<SyncResult> sync = CompletableFuture.supplyAsync(migrator::sync);
            assertThat(migrating.await(20, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            MigrationStatus during = migrator.status();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            assertThat(during).isEqualTo(new MigrationStatus(MigrationState.MIGRATING, null, "2", 2,
                    "Bind 'notes': sync is running in this instance"));
            assertThat(during.isReady()).isFalse();
            release.countDown();
            assertThat(sync.get(20, TimeUnit.SECONDS).migrationsApplied()).isEqualTo(2);
            assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
        } finally {
            release.countDown();
        }
    }

    static final class V2__Waits extends BaseJavaMigration {
        private final CountDownLatch migrating;
        private final CountDownLatch release;

        V2__Waits(CountDownLatch migrating, CountDownLatch release) {
            this.migrating = migrating;
            this.release = release;
        }

        @Override
        public void migrate(Context context) throws InterruptedException {
            migrating.countDown();
            release.await(20, TimeUnit.SECONDS);
        }
    }

    @EachDatabase
    void closedBindFailsWithItsOwnException(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase()) {
            Bind shop = bind(db, "shop", locations("shop/v1"));
            BindMigrator migrator = BindMigrator.of(shop);
            shop.close();
            assertThatThrownBy(migrator::status).isInstanceOf(dev.binds.BindClosedException.class)
                    .hasMessageContaining("Bind 'shop' is closed");
        }
    }
}
