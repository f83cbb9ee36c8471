package io.penguin.embedded;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server (binaries from the io.zonky Maven package, run under a user namespace when started as
 * root), with one database per stateful service and one for the model-call cache.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The databases the stateful services own. */
    public static final List<String> SERVICE_DATABASES =
            List.of("penguin_scenario", "penguin_judge", "penguin_planner");

    /**
     * The model-call cache's database, shared by every service ({@code penguin.models.cache.jdbc-url}): generation
     * service and gateway own no database, and one cache lets every replica of every service reuse a reply.
     */
    public static final String MODEL_CACHE_DATABASE = "penguin_models";

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    public static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres =
                    new EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setServerConfig("max_connections", "200")
                            .setServerConfig("fsync", "off")
                            .start());
            postgres.createDatabases(SERVICE_DATABASES);
            postgres.createDatabases(List.of(MODEL_CACHE_DATABASE));
            return postgres;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void createDatabases(List<String> names) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("CREATE DATABASE " + name);
            }
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public DataSource dataSource(String database) {
        return server.getDatabase(USER, database);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
