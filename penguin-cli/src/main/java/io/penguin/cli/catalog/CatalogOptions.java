package io.penguin.cli.catalog;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where the scenario-service is, shared by the catalog commands. */
public class CatalogOptions {

    @Option(
            names = "--url",
            defaultValue = "${env:PENGUIN_SCENARIO_URL:-http://localhost:8081}",
            description = "The scenario-service (default: $PENGUIN_SCENARIO_URL or ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--token",
            defaultValue = "${env:PENGUIN_CATALOG_TOKEN}",
            description = "The catalog owner token, if the service has one (default: $PENGUIN_CATALOG_TOKEN).")
    String token;

    public CatalogClient client() {
        String base = url.toString();
        return new CatalogClient(URI.create(base.endsWith("/") ? base : base + "/"), token);
    }
}
