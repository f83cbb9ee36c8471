package io.penguin.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.penguin.core.ProfileChecks;
import io.penguin.core.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The JSON codec of all events, and the checks their constructors share. */
public final class Events {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /**
     * Fields added to an event after its first schema: an event written before them (still on a topic during an
     * upgrade) lacks them, and decodes as if they were {@code null}, which the record's constructor turns into its
     * documented default. Every other field stays required.
     */
    private static final Map<Class<?>, Set<String>> ADDED_FIELDS = Map.of(
            ResponseGenerated.class, Set.of("promptVersion", "roleCalls", "dialogue"),
            JudgementRecorded.class, Set.of("judgePromptVersion", "targetPromptVersion"));

    private Events() {}

    /** The mapper events are written with; shared so every service writes the same JSON. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(PenguinEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.type() + " " + event.eventId(), e);
        }
    }

    /**
     * Decodes a record's value, or throws {@link MalformedEventException} with a message that says what is wrong and
     * where (never the record's content, which may hold profile values).
     */
    public static <T extends PenguinEvent> T decode(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record where a " + type.getSimpleName() + " was expected");
        }
        try {
            try {
                return MAPPER.readValue(json, type);
            } catch (MismatchedInputException e) {
                if (!lacksOnlyAddedFields(e, type)) {
                    throw e;
                }
                return MAPPER.treeToValue(withAddedFields(MAPPER.readTree(json), type), type);
            }
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MalformedEventException(
                    "invalid " + type.getSimpleName() + ": " + cause.getMessage() + at(e), cause);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "malformed " + type.getSimpleName() + ": " + e.getOriginalMessage() + at(e), e);
        }
    }

    private static boolean lacksOnlyAddedFields(MismatchedInputException e, Class<?> type) {
        Set<String> added = ADDED_FIELDS.getOrDefault(type, Set.of());
        return !added.isEmpty()
                && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Missing creator property")
                && added.stream().anyMatch(field -> e.getOriginalMessage().contains("'" + field + "'"));
    }

    private static JsonNode withAddedFields(JsonNode tree, Class<?> type) {
        if (tree instanceof ObjectNode object) {
            for (String field : ADDED_FIELDS.getOrDefault(type, Set.of())) {
                if (!object.has(field)) {
                    object.putNull(field);
                }
            }
        }
        return tree;
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    static void requireEnvelope(UUID eventId, String type, String expectedType, Instant occurredAt) {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        if (!expectedType.equals(type)) {
            throw new IllegalArgumentException("type must be '" + expectedType + "', was '" + type + "'");
        }
    }

    /**
     * The catalog's rules for a profile ({@link ProfileChecks}), held by every event that carries one: a work item
     * whose profile the import would reject is rejected by its consumers too (and dead-lettered with the field named),
     * rather than answered and judged.
     */
    static void requireCatalogProfile(Scenario scenario) {
        List<ProfileChecks.Problem> problems = ProfileChecks.problems(scenario.profile());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scenario.profile breaks the catalog's rules: "
                    + String.join(
                            "; ",
                            problems.stream()
                                    .map(ProfileChecks.Problem::toString)
                                    .toList()));
        }
    }

    static <T> T requireNonNull(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is missing");
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing or blank");
        }
    }

    static void requireSame(String left, String right, String leftName, String rightName) {
        if (!left.equals(right)) {
            throw new IllegalArgumentException(leftName + " and " + rightName + " differ");
        }
    }
}
