package io.penguin.scenario.catalog.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.catalog.ScenarioIds;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import io.penguin.scenario.catalog.config.CatalogConfig;
import io.penguin.scenario.catalog.service.SplitAssigner;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * Bulk writes to the catalog with plain JDBC batches: a 14,000-scenario catalog goes in within seconds and memory
 * stays at one batch. A {@link Batch} must be used inside a transaction; nothing is visible to others until it
 * commits, and a rollback leaves the catalog as it was.
 */
@ApplicationScoped
public class CatalogWriter {

    private static final String INSERT = "INSERT INTO scenario (id, domain, subcategory, issue, query, profile, split,"
            + " source, created_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)";

    private final DataSource dataSource;
    private final CatalogConfig config;
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

    private final ObjectMapper json = new ObjectMapper();

    public CatalogWriter(DataSource dataSource, CatalogConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Opens a write batch in the current transaction. Writers are serialized by a table lock, so the persons and
     * split counts they start from are exact.
     *
     * @param source what the written scenarios are recorded as
     * @param onDuplicate told (record number, id) of every scenario skipped because its id is already stored
     */
    public Batch open(ScenarioSource source, BiConsumer<Long, String> onDuplicate) {
        try {
            Connection connection = dataSource.getConnection();
            try (var lock = connection.createStatement()) {
                lock.execute("LOCK TABLE scenario IN SHARE ROW EXCLUSIVE MODE");
            }
            return new Batch(
                    connection,
                    source,
                    onDuplicate,
                    new SplitAssigner(config.testFraction(), config.splitSeed(), persons(connection)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a catalog write: " + e.getMessage(), e);
        }
    }

    /**
     * Every person in the catalog once, with the stratum and split of its first stored scenario: a catalog written
     * before splits went by person may hold a person in both splits, and its new scenarios follow the first.
     */
    private List<SplitAssigner.StoredPerson> persons(Connection connection) throws SQLException {
        List<SplitAssigner.StoredPerson> persons = new ArrayList<>();
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT ON (profile) profile, domain, issue, split"
                        + " FROM scenario ORDER BY profile, seq")) {
            while (rows.next()) {
                Profile profile = Profile.fromLabels(json.readValue(rows.getString(1), LABELS));
                persons.add(new SplitAssigner.StoredPerson(
                        ScenarioIds.person(profile),
                        SplitAssigner.stratum(rows.getString(2), rows.getString(3)),
                        Split.valueOf(rows.getString(4))));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored profile is not the JSON the catalog writes", e);
        }
        return persons;
    }

    /** Scenarios written in batches; duplicates (same stable id) are skipped and reported. */
    public final class Batch implements AutoCloseable {

        private record Pending(long recordNumber, Scenario scenario) {}

        private final Connection connection;
        private final ScenarioSource source;
        private final BiConsumer<Long, String> onDuplicate;
        private final SplitAssigner splits;
        private final List<Pending> pending = new ArrayList<>();
        private final Set<String> pendingIds = new HashSet<>();
        private long written;
        private long duplicates;

        private Batch(
                Connection connection,
                ScenarioSource source,
                BiConsumer<Long, String> onDuplicate,
                SplitAssigner splits) {
            this.connection = connection;
            this.source = source;
            this.onDuplicate = onDuplicate;
            this.splits = splits;
        }

        public void add(long recordNumber, Scenario scenario) {
            if (!pendingIds.add(scenario.id())) {
                duplicate(recordNumber, scenario.id());
                return;
            }
            pending.add(new Pending(recordNumber, scenario));
            if (pending.size() >= config.batchSize()) {
                flush();
            }
        }

        private void duplicate(long recordNumber, String id) {
            duplicates++;
            onDuplicate.accept(recordNumber, id);
        }

        public void flush() {
            if (pending.isEmpty()) {
                return;
            }
            try {
                Set<String> stored = stored(pendingIds);
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (Pending item : pending) {
                        Scenario scenario = item.scenario();
                        if (stored.contains(scenario.id())) {
                            duplicate(item.recordNumber(), scenario.id());
                            continue;
                        }
                        String domain = scenario.domain().label();
                        Split split = splits.assign(scenario);
                        insert.setString(1, scenario.id());
                        insert.setString(2, domain);
                        insert.setString(3, scenario.subcategory());
                        insert.setString(4, scenario.issue());
                        insert.setString(5, scenario.query());
                        insert.setString(
                                6, json.writeValueAsString(scenario.profile().toLabels()));
                        insert.setString(7, split.name());
                        insert.setString(8, source.name());
                        insert.setTimestamp(9, now);
                        insert.addBatch();
                        written++;
                    }
                    insert.executeBatch();
                }
            } catch (SQLException | JsonProcessingException e) {
                throw new IllegalStateException("writing scenarios to the catalog failed: " + e.getMessage(), e);
            }
            pending.clear();
            pendingIds.clear();
        }

        private Set<String> stored(Set<String> ids) throws SQLException {
            Set<String> stored = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM scenario WHERE id = ANY (?)")) {
                Array array = connection.createArrayOf("varchar", ids.toArray());
                query.setArray(1, array);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            }
            return stored;
        }

        /** Scenarios written so far (after {@link #flush()}: all accepted ones). */
        public long written() {
            return written;
        }

        public long duplicates() {
            return duplicates;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot release the catalog connection: " + e.getMessage(), e);
            }
        }
    }
}
