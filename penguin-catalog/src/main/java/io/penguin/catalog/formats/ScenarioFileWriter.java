package io.penguin.catalog.formats;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.penguin.catalog.ScenarioIds;
import io.penguin.core.Attribute;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes scenarios to a file format as they come, with Jackson's streaming generator. The reference formats are laid
 * out as Python's {@code json.dump(indent=4, ensure_ascii=False)} lays them out (four-space indent, {@code "key":
 * value}), attributes in their reference order, so an exported file imported and exported again is byte for byte
 * the same. Queries files group consecutive scenarios of the same issue and profile into one record; profiles files
 * list each (issue, profile) once.
 */
public final class ScenarioFileWriter implements AutoCloseable {

    /** A scenario and what the catalog knows about it. */
    public record Row(Scenario scenario, String split, String source) {}

    private static final JsonFactory FACTORY = new JsonFactory();

    private final ScenarioFormat format;
    private final OutputStream out;
    private final JsonGenerator json;
    private final Set<String> seenProfiles = new HashSet<>();
    private String openIssue;
    private Profile openProfile;
    private long written;

    public ScenarioFileWriter(OutputStream out, ScenarioFormat format) {
        this.format = format;
        this.out = out;
        try {
            this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (format == ScenarioFormat.JSONL) {
                json.setRootValueSeparator(null);
            } else {
                DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
                json.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                        .withArrayIndenter(indenter)
                        .withObjectIndenter(indenter));
                json.writeStartArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the export", e);
        }
    }

    public void write(Row row) {
        try {
            Scenario scenario = row.scenario();
            switch (format) {
                case JSONL -> jsonl(row);
                case PROFILES -> {
                    if (seenProfiles.add(ScenarioIds.of(scenario.issue(), scenario.profile(), "-"))) {
                        json.writeStartObject();
                        attributes(scenario.profile());
                        json.writeStringField("Scenario", scenario.issue());
                        json.writeEndObject();
                    }
                }
                case QUERIES -> {
                    if (!scenario.issue().equals(openIssue)
                            || !scenario.profile().equals(openProfile)) {
                        closeQueriesRecord();
                        json.writeStartObject();
                        json.writeStringField("Scenario", scenario.issue());
                        json.writeFieldName("User_Profile");
                        json.writeStartObject();
                        attributes(scenario.profile());
                        json.writeEndObject();
                        json.writeFieldName("Queries");
                        json.writeStartArray();
                        openIssue = scenario.issue();
                        openProfile = scenario.profile();
                    }
                    json.writeString(scenario.query());
                }
            }
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the export failed", e);
        }
    }

    private void jsonl(Row row) throws IOException {
        Scenario scenario = row.scenario();
        json.writeStartObject();
        json.writeStringField("id", scenario.id());
        json.writeStringField("domain", scenario.domain().label());
        json.writeStringField("subcategory", scenario.subcategory());
        json.writeStringField("issue", scenario.issue());
        json.writeStringField("query", scenario.query());
        json.writeFieldName("profile");
        json.writeStartObject();
        attributes(scenario.profile());
        json.writeEndObject();
        json.writeStringField("split", row.split());
        json.writeStringField("source", row.source());
        json.writeEndObject();
        json.flush();
        out.write('\n');
    }

    private void attributes(Profile profile) throws IOException {
        for (Attribute attribute : Attribute.values()) {
            json.writeStringField(attribute.label(), profile.get(attribute));
        }
    }

    private void closeQueriesRecord() throws IOException {
        if (openIssue != null) {
            json.writeEndArray();
            json.writeEndObject();
            openIssue = null;
            openProfile = null;
        }
    }

    /** Scenarios written. */
    public long written() {
        return written;
    }

    @Override
    public void close() {
        try {
            if (format == ScenarioFormat.QUERIES) {
                closeQueriesRecord();
            }
            if (format != ScenarioFormat.JSONL) {
                json.writeEndArray();
            }
            json.close();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("finishing the export failed", e);
        }
    }
}
