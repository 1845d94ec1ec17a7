package dev.binds.micronaut.request;

import dev.binds.BindConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbackRuleTest {

    @Test
    void theDefaultRollsBackOnClientAndServerErrors() {
        assertThat(RollbackRule.DEFAULT.rollsBack(200)).isFalse();
        assertThat(RollbackRule.DEFAULT.rollsBack(302)).isFalse();
        assertThat(RollbackRule.DEFAULT.rollsBack(400)).isTrue();
        assertThat(RollbackRule.DEFAULT.rollsBack(599)).isTrue();
        assertThat(RollbackRule.DEFAULT.rollsBack(999)).isTrue();
    }

    @Test
    void classesRangesAndCodesCombine() {
        RollbackRule rule = RollbackRule.of("orders", List.of("5XX", "409 , 420-422"));
        assertThat(rule.rollsBack(500)).isTrue();
        assertThat(rule.rollsBack(409)).isTrue();
        assertThat(rule.rollsBack(421)).isTrue();
        assertThat(rule.rollsBack(404)).isFalse();
        assertThat(rule.rollsBack(200)).isFalse();
        assertThat(RollbackRule.of("orders", List.of()).rollsBack(500)).isFalse();
    }

    @Test
    void anEntryItCannotReadNamesTheProperty() {
        for (String bad : List.of("6xx", "4x", "abc", "500-400", "99", "400-700")) {
            assertThatThrownBy(() -> RollbackRule.of("orders", List.of(bad)))
                    .isInstanceOf(BindConfigurationException.class)
                    .hasMessageContaining("binds.orders.request.rollback-on")
                    .hasMessageContaining(bad);
        }
    }
}
