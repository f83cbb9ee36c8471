package io.penguin.scenario.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The scenario catalog: split, bulk writes, and who may read profiles. */
@ConfigMapping(prefix = "penguin.catalog")
public interface CatalogConfig {

    /** Share of every (domain, issue) stratum that goes to the test split; decided once per scenario. */
    @WithDefault("0.2")
    double testFraction();

    /** Scenarios written to the database per JDBC batch. */
    @WithDefault("500")
    int batchSize();

    /** How long one import or generation transaction may take before it is rolled back. */
    @WithDefault("30m")
    Duration writeTimeout();

    /**
     * Bearer token that unlocks the catalog owner's endpoints (scenario content, export). Unset: only loopback clients
     * (the CLI on the same host) may use them.
     */
    Optional<String> ownerToken();
}
