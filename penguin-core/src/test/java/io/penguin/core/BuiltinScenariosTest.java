package io.penguin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltinScenariosTest {

    @Test
    void coverEveryDomainTwiceWithCompleteProfilesAndUniqueIds() {
        assertThat(BuiltinScenarios.all()).hasSize(14);
        assertThat(BuiltinScenarios.all().stream().map(Scenario::id).distinct()).hasSize(14);
        var perDomain =
                BuiltinScenarios.all().stream().collect(Collectors.groupingBy(Scenario::domain, Collectors.counting()));
        Arrays.stream(Domain.values())
                .forEach(domain -> assertThat(perDomain.get(domain)).isEqualTo(2L));
        BuiltinScenarios.all()
                .forEach(scenario -> assertThat(scenario.profile().attributes()).hasSize(10));
    }
}
