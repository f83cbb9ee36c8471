package io.penguin.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared embedded broker and database. Init arg {@code database} names
 * the service's database; without it, only Kafka is configured.
 */
public class EmbeddedInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        EmbeddedInfrastructure.SharedEndpoints infrastructure = EmbeddedInfrastructure.sharedEndpoints();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infrastructure.bootstrapServers());
        if (database != null) {
            config.put("quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(database));
            config.put("quarkus.datasource.username", EmbeddedPostgres.USER);
            config.put("quarkus.datasource.password", EmbeddedPostgres.PASSWORD);
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class and profile of the JVM; SharedInfrastructureSession stops it at the end.
    }
}
