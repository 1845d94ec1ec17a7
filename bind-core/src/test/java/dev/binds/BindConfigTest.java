package dev.binds;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BindConfigTest {

    @Test
    void infersDriverFromUrl() {
        assertThat(BindConfig.builder("a").url("jdbc:postgresql://h/db").build().driverClassName()).isEqualTo("org.postgresql.Driver");
        assertThat(BindConfig.builder("a").url("jdbc:mariadb://h/db").build().driverClassName()).isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(BindConfig.builder("a").url("jdbc:h2:mem:x").build().driverClassName()).isEqualTo("org.h2.Driver");
        assertThat(BindConfig.builder("a").url("jdbc:h2:mem:x").build().dialect()).isSameAs(Dialect.H2);
    }

    @Test
    void missingUrlNamesBindAndProperty() {
        assertThatThrownBy(() -> BindConfig.builder("orders").build())
                .isInstanceOf(BindConfigurationException.class)
                .hasMessageContaining("Bind 'orders'").hasMessageContaining("binds.orders.url is missing");
    }

    @Test
    void unknownDriverNeedsExplicitClass() {
        assertThatThrownBy(() -> BindConfig.builder("x").url("jdbc:nosuchdb://h/db").build())
                .isInstanceOf(BindConfigurationException.class).hasMessageContaining("binds.x.driver-class-name");
    }

    @Test
    void missingDriverClassFailsWhenPoolStarts() {
        BindConfig config = BindConfig.builder("x").url("jdbc:h2:mem:nodriver").driverClassName("com.example.NoDriver").build();
        assertThatThrownBy(() -> Bind.create(config))
                .isInstanceOf(BindConfigurationException.class)
                .hasMessageContaining("com.example.NoDriver").hasMessageContaining("binds.x.driver-class-name");
    }

    @Test
    void badNameRefused() {
        assertThatThrownBy(() -> BindConfig.builder("no spaces").url("jdbc:h2:mem:x").build())
                .isInstanceOf(BindConfigurationException.class).hasMessageContaining("no spaces");
    }

    @Test
    void poolSettingsAreTypedAndChecked() {
        PoolSettings pool = PoolSettings.of("b", Map.of("maximumPoolSize", "7", "connection-timeout", "3s",
                "idle_timeout", 60000, "data-source-properties", Map.of("prepareThreshold", "1")));
        assertThat(pool.get("maximum-pool-size")).isEqualTo(7);
        assertThat(pool.get("connection-timeout")).isEqualTo(3000L);
        assertThat(pool.get("idle-timeout")).isEqualTo(60000L);
        assertThat(pool.dataSourceProperties()).containsEntry("prepareThreshold", "1");
    }

    @Test
    void unknownPoolKeyListsKnownKeys() {
        assertThatThrownBy(() -> PoolSettings.of("orders", Map.of("maximum-pool-sise", 3)))
                .isInstanceOf(BindConfigurationException.class)
                .hasMessageContaining("binds.orders.pool.maximum-pool-sise").hasMessageContaining("maximum-pool-size");
    }

    @Test
    void badPoolValueNamesKeyAndValue() {
        assertThatThrownBy(() -> PoolSettings.of("orders", Map.of("maximum-pool-size", "lots")))
                .isInstanceOf(BindConfigurationException.class)
                .hasMessageContaining("binds.orders.pool.maximum-pool-size").hasMessageContaining("lots");
        assertThatThrownBy(() -> PoolSettings.of("orders", Map.of("connection-timeout", "soon")))
                .hasMessageContaining("duration");
    }

    @Test
    void keysOfTheBindItselfAreRefusedWithAPointer() {
        assertThatThrownBy(() -> PoolSettings.of("orders", Map.of("jdbc-url", "jdbc:h2:mem:x")))
                .hasMessageContaining("set binds.orders.url instead");
        assertThatThrownBy(() -> PoolSettings.of("orders", Map.of("auto-commit", true)))
                .hasMessageContaining("auto-commit");
    }

    @Test
    void invalidPoolValueHikariRejectsNamesBind() {
        assertThatThrownBy(() -> BindConfig.builder("tiny").url("jdbc:h2:mem:tiny").pool(Map.of("maximum-pool-size", 0)))
                .isInstanceOf(BindConfigurationException.class).hasMessageContaining("binds.tiny.pool");
    }

    @Test
    void sessionSettingsChecked() {
        assertThatThrownBy(() -> BindConfig.builder("s").url("jdbc:h2:mem:s")
                .session(SessionSettings.DEFAULTS.withStatementTimeout(Duration.ofSeconds(-1))).build())
                .hasMessageContaining("binds.s.session.statement-timeout");
        assertThat(Isolation.parse("read-committed")).isEqualTo(Isolation.READ_COMMITTED);
        assertThat(Isolation.parse("TRANSACTION_SERIALIZABLE")).isEqualTo(Isolation.SERIALIZABLE);
        assertThat(Isolation.parse("sometimes")).isNull();
    }

    @Test
    void toStringAndMessagesMaskPasswords() {
        BindConfig config = BindConfig.builder("p").url("jdbc:postgresql://app:hunter22@db:5432/app?password=hunter22&ssl=true")
                .username("app").password("hunter22").build();
        assertThat(config.toString()).doesNotContain("hunter22").contains("****");
        assertThat(config.maskedUrl()).isEqualTo("jdbc:postgresql://db:5432/app?password=****&ssl=true");
        BindConfig userInfo = BindConfig.builder("u").url("jdbc:mysql://bob:pa%40ss@db/app").build();
        assertThat(userInfo.url()).as("credentials leave the URL").isEqualTo("jdbc:mysql://db/app");
        assertThat(userInfo.username()).isEqualTo("bob");
        assertThat(userInfo.password()).isEqualTo("pa@ss");
        assertThat(Secrets.maskUrl("jdbc:h2:mem:x;USER=sa;PASSWORD=topsecret")).doesNotContain("topsecret");
        assertThat(Secrets.maskUrl("jdbc:mariadb://h/db?user=u&pwd=topsecret")).doesNotContain("topsecret");
        assertThatThrownBy(() -> BindConfig.builder("p").url("nojdbc://u:hunter22@h/db").password("hunter22").build())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter22"));
    }
}
