package io.penguin.models.cache;

import io.penguin.models.endpoint.ChatResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The cache in a PostgreSQL table, persistent across restarts and shared by every replica that points at the same
 * database. Writes are {@code INSERT ... ON CONFLICT DO NOTHING}, so replicas racing on one key keep one reply. The
 * table holds replies, which can echo profile facts: give the database the same care as the judge's.
 */
public final class JdbcCallCache implements CallCache {

    static final String TABLE = "penguin_model_call_cache";

    /** The advisory lock that serializes creating the table ("PENGUINc" as a number). */
    private static final long CREATE_LOCK = 0x50454E4755494E63L;

    private final DataSource dataSource;

    public JdbcCallCache(DataSource dataSource) {
        this.dataSource = dataSource;
        createTable();
    }

    /**
     * Creates the table unless it exists. Every service of the platform shares the cache's database and they start
     * together; PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} is not safe against itself (two sessions can both
     * miss the table and one fails on the catalog's unique index), so creators take a transaction-scoped advisory
     * lock first and the later ones find the table.
     */
    private void createTable() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                statement.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                        + "cache_key CHAR(64) PRIMARY KEY, "
                        + "endpoint TEXT NOT NULL, "
                        + "reply TEXT NOT NULL, "
                        + "prompt_tokens INTEGER NOT NULL, "
                        + "completion_tokens INTEGER NOT NULL, "
                        + "created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "model call cache: cannot create table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ChatResult> get(CacheKey key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT reply, prompt_tokens, completion_tokens FROM " + TABLE + " WHERE cache_key = ?")) {
            select.setString(1, key.sha256());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ChatResult(row.getString(1), row.getInt(2), row.getInt(3), 0, 0, true));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("model call cache: lookup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(CacheKey key, String endpoint, ChatResult result) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                        + " (cache_key, endpoint, reply, prompt_tokens, completion_tokens) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (cache_key) DO NOTHING")) {
            insert.setString(1, key.sha256());
            insert.setString(2, endpoint);
            insert.setString(3, result.text());
            insert.setInt(4, result.promptTokens());
            insert.setInt(5, result.completionTokens());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("model call cache: store failed: " + e.getMessage(), e);
        }
    }
}
