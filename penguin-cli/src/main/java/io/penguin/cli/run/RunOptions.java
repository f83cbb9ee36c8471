package io.penguin.cli.run;

import io.penguin.cli.platform.PlatformClient;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where the scenario-service is, shared by the run commands. */
public class RunOptions {

    @Option(
            names = "--url",
            defaultValue = "${env:PENGUIN_SCENARIO_URL:-http://localhost:8081}",
            description = "The scenario-service (default: $PENGUIN_SCENARIO_URL or ${DEFAULT-VALUE}).")
    URI url;

    URI resolve(String path) {
        String base = url.toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(path);
    }

    PlatformClient client() {
        return new PlatformClient();
    }
}
