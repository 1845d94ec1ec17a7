package dev.binds.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One of three classes that write the same keys to two binds (PostgreSQL and MariaDB); surefire runs them in
 * two forks. Each must see only its own rows: its own database per bind, copied from the shared template.
 */
class IsolationThreeTest {

    @RegisterExtension
    static BindExtension pg = BindExtension.postgres().withName("pg").withMigrations("classpath:db/orders");
    @RegisterExtension
    static BindExtension maria = BindExtension.mariadb().withName("maria").withMigrations("classpath:db/orders");

    @Test
    void writesTheSameKeysAsTheOtherClassesAndSeesOnlyItsOwnRows() throws InterruptedException {
        Orders.writeSameKeysAndSeeOnlyOwnRows(pg.bind(), 3);
        Orders.writeSameKeysAndSeeOnlyOwnRows(maria.bind(), 3);
    }

    @Test
    void databasesAreFreshCopiesOfTheMigratedTemplate() {
        org.assertj.core.api.Assertions.assertThat(pg.database().name()).startsWith("bindtest_");
        org.assertj.core.api.Assertions.assertThat(maria.database().name()).startsWith("bindtest_");
        org.assertj.core.api.Assertions.assertThat(pg.database().method()).isEqualTo(Provisioner.Method.TEMPLATE);
        org.assertj.core.api.Assertions.assertThat(maria.database().method()).isEqualTo(Provisioner.Method.TEMPLATE);
    }
}
