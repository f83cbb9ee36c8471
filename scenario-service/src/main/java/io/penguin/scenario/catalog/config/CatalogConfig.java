package io.penguin.scenario.catalog.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The scenario catalog: split, bulk writes, who may read profiles, imports and generation. */
@ConfigMapping(prefix = "penguin.catalog")
public interface CatalogConfig {

    /**
     * Share of the persons of every (domain, issue) stratum that go to the test split, each with all of its scenarios;
     * decided once per person.
     */
    @WithDefault("0.2")
    double testFraction();

    /** Seeds the hash that picks a stratum's test persons; persons already stored keep their split. */
    @WithDefault("1")
    long splitSeed();

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

    /**
     * The largest import body accepted; larger uploads get 413 before or while they are written to disk. Only the
     * import route takes bodies this large: the REST endpoints keep Quarkus's {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("2G")
    MemorySize importMaxSize();

    /** The LLM generator. */
    Generator generator();

    /** How often a replica running a generation job records that it is alive. */
    @WithDefault("10s")
    Duration jobHeartbeat();

    /** A running job with no heartbeat for this long is reported as interrupted (its replica stopped). */
    @WithDefault("60s")
    Duration jobStaleAfter();

    /** The LLM generator's limits. */
    interface Generator {

        /** Re-asks after an invalid model reply before that profile (or that profile's queries) is given up. */
        @WithDefault("2")
        int reasks();

        /** Issues generated at the same time (each one's calls are sequential); the endpoint's limits still apply. */
        @WithDefault("4")
        int parallelIssues();
    }
}
