package io.penguin.scenario.catalog.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.catalog.formats.ScenarioFileWriter;
import io.penguin.catalog.formats.ScenarioFormat;
import io.penguin.core.Domain;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Exports the catalog (or a filtered part of it) in the order it was stored, reading with a database cursor and
 * writing as it reads, so an export of any size needs the heap of one fetch.
 */
@ApplicationScoped
public class ExportService {

    private static final int FETCH_SIZE = 500;
    private static final TypeReference<Map<String, String>> PROFILE = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public ExportService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the scenarios matching the filter to {@code out}; returns how many. */
    public long export(ScenarioFilter filter, ScenarioFormat format, OutputStream out) {
        long written = QuarkusTransaction.requiringNew().call(() -> {
            List<Object> parameters = new ArrayList<>();
            String sql = "SELECT id, domain, subcategory, issue, query, profile::text, split, source FROM scenario"
                    + where(filter, parameters) + " ORDER BY seq";
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(sql)) {
                query.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < parameters.size(); i++) {
                    Object parameter = parameters.get(i);
                    if (parameter instanceof String[] array) {
                        query.setArray(i + 1, connection.createArrayOf("varchar", array));
                    } else {
                        query.setObject(i + 1, parameter);
                    }
                }
                try (ResultSet rows = query.executeQuery();
                        ScenarioFileWriter writer = new ScenarioFileWriter(out, format)) {
                    while (rows.next()) {
                        Scenario scenario = new Scenario(
                                rows.getString(1),
                                Domain.fromLabel(rows.getString(2)),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                Profile.fromLabels(json.readValue(rows.getString(6), PROFILE)));
                        writer.write(new ScenarioFileWriter.Row(
                                scenario,
                                rows.getString(7).toLowerCase(Locale.ROOT),
                                rows.getString(8).toLowerCase(Locale.ROOT)));
                    }
                    return writer.written();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading the catalog for export failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("export failed", e);
            }
        });
        Log.infof("catalog export (%s): %d scenarios", format.id(), written);
        return written;
    }

    private static String where(ScenarioFilter filter, List<Object> parameters) {
        List<String> clauses = new ArrayList<>();
        if (!filter.domains().isEmpty()) {
            clauses.add("domain = ANY (?)");
            parameters.add(filter.domains().stream().map(Domain::label).toArray(String[]::new));
        }
        if (!filter.subcategories().isEmpty()) {
            clauses.add("subcategory = ANY (?)");
            parameters.add(filter.subcategories().toArray(String[]::new));
        }
        if (!filter.issues().isEmpty()) {
            clauses.add("issue = ANY (?)");
            parameters.add(filter.issues().toArray(String[]::new));
        }
        if (filter.split() != null) {
            clauses.add("split = ?");
            parameters.add(filter.split().name());
        }
        if (filter.source() != null) {
            clauses.add("source = ?");
            parameters.add(filter.source().name());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }
}
