package io.penguin.cli.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One of the five services as the launcher starts it.
 *
 * @param name the service name, also its module directory
 * @param database the database it owns, if it keeps state
 */
public record ServiceSpec(String name, Optional<String> database) {

    public static final String SCENARIO = "scenario-service";
    public static final String GENERATION = "generation-service";
    public static final String JUDGE = "judge-service";
    public static final String PLANNER = "planner-service";
    public static final String GATEWAY = "agent-gateway";

    public static List<ServiceSpec> all() {
        return List.of(
                new ServiceSpec(SCENARIO, Optional.of("penguin_scenario")),
                new ServiceSpec(GENERATION, Optional.empty()),
                new ServiceSpec(JUDGE, Optional.of("penguin_judge")),
                new ServiceSpec(PLANNER, Optional.of("penguin_planner")),
                new ServiceSpec(GATEWAY, Optional.empty()));
    }

    /** The packaged Quarkus application under the project home. */
    public Path jar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
