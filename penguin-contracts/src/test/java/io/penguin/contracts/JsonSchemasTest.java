package io.penguin.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.penguin.contracts.agent.ClientFrame;
import io.penguin.contracts.agent.ServerFrame;
import io.penguin.core.Attribute;
import io.penguin.core.Condition;
import io.penguin.core.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in JSON Schemas ({@code src/main/resources/schemas}) must match the records. After changing an event,
 * regenerate them with {@code mvn -pl penguin-contracts test -Dpenguin.schemas.write=true} and commit the result.
 */
class JsonSchemasTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");

    static List<Class<? extends PenguinEvent>> events() {
        return List.of(
                GenerationRequested.class,
                ResponseGenerated.class,
                JudgementRecorded.class,
                PlanningRequested.class,
                PolicyPublished.class,
                AgentSessionEvent.class);
    }

    @ParameterizedTest
    @MethodSource("events")
    void checkedInSchemaMatchesTheRecord(Class<? extends PenguinEvent> event) throws IOException {
        assertCheckedInSchemaMatches(event);
    }

    /**
     * The agent protocol's frames ({@code docs/agent-protocol.md}, one schema per direction) and the record of a
     * run's transcript export ({@code GET /runs/{id}/transcripts}).
     */
    static List<Class<?>> frames() {
        return List.of(ClientFrame.class, ServerFrame.class, TranscriptRecord.class);
    }

    @ParameterizedTest
    @MethodSource("frames")
    void checkedInProtocolAndExportSchemaMatchesTheRecords(Class<?> frames) throws IOException {
        assertCheckedInSchemaMatches(frames);
    }

    private static void assertCheckedInSchemaMatches(Class<?> type) throws IOException {
        String generated = Events.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schemaOf(type)) + "\n";
        Path file = SCHEMAS.resolve(type.getSimpleName() + ".schema.json");
        if (Boolean.getBoolean("penguin.schemas.write")) {
            Files.createDirectories(SCHEMAS);
            Files.writeString(file, generated);
        }
        assertThat(file)
                .as("schema file for %s; regenerate with -Dpenguin.schemas.write=true", type.getSimpleName())
                .exists();
        assertThat(Files.readString(file))
                .as("%s is out of date; regenerate with -Dpenguin.schemas.write=true", file)
                .isEqualTo(generated);
    }

    private static JsonNode schemaOf(Class<?> type) {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
                        Events.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // Every record component is required (and written, null included); boxed numbers are the nullable ones (e.g.
        // a cost that is unknown); unknown properties are allowed, for forward compatibility.
        // A frame's field written only when set (@JsonInclude NON_NULL) is optional.
        builder.forFields().withRequiredCheck(field -> !writtenOnlyWhenSet(field.getAnnotation(JsonInclude.class)));
        builder.forFields()
                .withNullableCheck(
                        field -> Number.class.isAssignableFrom(field.getType().getErasedType()) ? true : null);
        builder.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) -> {
            if (javaType.getErasedType() == Profile.class) {
                return new CustomDefinition(profileSchema());
            }
            if (javaType.getErasedType() == Condition.class) {
                ObjectNode condition = Events.mapper().createObjectNode().put("type", "string");
                condition.put("pattern", "^(context-free|context-rich|static-3|single:.+|random-3:.+|best-3:.+)$");
                return new CustomDefinition(condition);
            }
            return null;
        });
        ObjectNode schema = new SchemaGenerator(builder.build()).generateSchema(type);
        ObjectNode root = Events.mapper().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://penguin.io/schemas/" + type.getSimpleName() + ".schema.json");
        root.put("title", type.getSimpleName());
        root.setAll(schema);
        return root;
    }

    private static boolean writtenOnlyWhenSet(JsonInclude include) {
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    private static ObjectNode profileSchema() {
        ObjectNode profile = Events.mapper().createObjectNode().put("type", "object");
        profile.put("description", "The ten attributes, keyed by their reference names; values are sensitive.");
        ObjectNode properties = profile.putObject("properties");
        var required = profile.putArray("required");
        for (Attribute attribute : Attribute.values()) {
            properties.putObject(attribute.label()).put("type", "string").put("minLength", 1);
            required.add(attribute.label());
        }
        profile.put("additionalProperties", false);
        return profile;
    }
}
