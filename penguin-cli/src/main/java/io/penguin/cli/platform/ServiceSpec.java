package io.penguin.cli.platform;

import io.penguin.contracts.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One of the five services as the launcher starts it.
 *
 * @param name the service name, also its module directory
 * @param database the database it owns, if it keeps state
 * @param inputTopic the work topic its consumer group reads: its partitions bound how many replicas get work
 */
public record ServiceSpec(String name, Optional<String> database, String inputTopic) {

    public static final String SCENARIO = "scenario-service";
    public static final String GENERATION = "generation-service";
    public static final String JUDGE = "judge-service";
    public static final String PLANNER = "planner-service";
    public static final String GATEWAY = "agent-gateway";

    public static List<ServiceSpec> all() {
        return List.of(
                new ServiceSpec(SCENARIO, Optional.of("penguin_scenario"), Topics.JUDGEMENTS),
                new ServiceSpec(GENERATION, Optional.empty(), Topics.GENERATION_REQUESTS),
                new ServiceSpec(JUDGE, Optional.of("penguin_judge"), Topics.RESPONSES),
                new ServiceSpec(PLANNER, Optional.of("penguin_planner"), Topics.PLANNING_REQUESTS),
                // the simulated sessions; live WebSocket sessions go to whichever replica the client reaches
                new ServiceSpec(GATEWAY, Optional.empty(), Topics.AGENT_REQUESTS));
    }

    /** The packaged Quarkus application under the project home. */
    public Path jar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
