package io.penguin.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A handful of hand-written scenarios, two per domain, shipped with the platform: enough for the walking skeleton,
 * the demo and tests. The full catalog is the scenario-service's.
 */
public final class BuiltinScenarios {

    private static final String RESOURCE = "/penguin/builtin-scenarios.json";
    private static final List<Scenario> ALL = load();

    private BuiltinScenarios() {}

    public static List<Scenario> all() {
        return ALL;
    }

    private static List<Scenario> load() {
        try (InputStream in = BuiltinScenarios.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenarios " + RESOURCE + " are missing");
            }
            List<Scenario> scenarios = new ObjectMapper().readValue(in, new TypeReference<List<Scenario>>() {});
            for (Scenario scenario : scenarios) {
                Taxonomy.IssuePlace place = Taxonomy.standard().require(scenario.issue());
                if (place.domain() != scenario.domain() || !place.subcategory().equals(scenario.subcategory())) {
                    throw new IllegalStateException("built-in scenario " + scenario.id()
                            + " is misplaced: its issue belongs to "
                            + place.domain().label() + " / "
                            + place.subcategory());
                }
            }
            return List.copyOf(scenarios);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
