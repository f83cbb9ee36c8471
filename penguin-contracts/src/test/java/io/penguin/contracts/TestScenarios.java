package io.penguin.contracts;

import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;

final class TestScenarios {

    private TestScenarios() {}

    /** A 19-year-old student with depression, a past of self-harm, feeling hopeless (built-in scenario 1). */
    static Scenario student() {
        return BuiltinScenarios.all().get(0);
    }
}
