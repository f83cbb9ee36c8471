package io.penguin.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values each attribute takes and the facts that keep a profile consistent (an age range a value fits, an
 * education rank, tags), loaded from {@code penguin/attribute-vocabulary.json}. Age has no list: it is a whole number
 * of years within {@link #minAge()}..{@link #maxAge()}.
 */
public final class AttributeVocabulary {

    /**
     * One value of an attribute.
     *
     * @param value the text, as it appears in profiles
     * @param weight how often the generator draws it, relative to the others
     * @param minAge youngest age it fits
     * @param maxAge oldest age it fits
     * @param rank education rank (Education Level values only)
     * @param minRank lowest education rank it needs (Profession values only)
     * @param maxRank highest education rank it goes with (Profession values only)
     * @param tags facts the generator's rules use, e.g. {@code student}, {@code self-harm-risk}, {@code grief}
     */
    public record Value(
            String value, int weight, int minAge, int maxAge, int rank, int minRank, int maxRank, List<String> tags) {

        public boolean fitsAge(int age) {
            return age >= minAge && age <= maxAge;
        }

        public boolean hasTag(String tag) {
            return tags.contains(tag);
        }

        public boolean hasAnyTag(List<String> wanted) {
            return wanted.stream().anyMatch(tags::contains);
        }
    }

    private static final String RESOURCE = "/penguin/attribute-vocabulary.json";
    private static final AttributeVocabulary STANDARD = load();

    private final int minAge;
    private final int maxAge;
    private final Map<String, String> formats;
    private final Map<Attribute, List<Value>> values;

    private AttributeVocabulary(
            int minAge, int maxAge, Map<String, String> formats, Map<Attribute, List<Value>> values) {
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.formats = formats;
        this.values = values;
    }

    public static AttributeVocabulary standard() {
        return STANDARD;
    }

    public int minAge() {
        return minAge;
    }

    public int maxAge() {
        return maxAge;
    }

    /** The values of a listed attribute (every attribute but Age). */
    public List<Value> values(Attribute attribute) {
        List<Value> list = values.get(attribute);
        if (list == null) {
            throw new IllegalArgumentException(attribute.label() + " has no value list; it is a number");
        }
        return list;
    }

    public Optional<Value> find(Attribute attribute, String value) {
        return values.getOrDefault(attribute, List.of()).stream()
                .filter(candidate -> candidate.value().equals(value))
                .findFirst();
    }

    /** The format of an attribute's values, in words. */
    public String format(Attribute attribute) {
        return formats.getOrDefault(attribute.label(), formats.get("*"));
    }

    private static AttributeVocabulary load() {
        try (InputStream in = AttributeVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("attribute vocabulary " + RESOURCE + " is missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            int minAge = root.path("ageRange").path(0).asInt();
            int maxAge = root.path("ageRange").path(1).asInt();
            Map<String, String> formats = new java.util.HashMap<>();
            root.path("formats")
                    .properties()
                    .forEach(entry ->
                            formats.put(entry.getKey(), entry.getValue().asText()));
            Map<Attribute, List<Value>> values = new EnumMap<>(Attribute.class);
            root.path("attributes").properties().forEach(entry -> {
                Attribute attribute = Attribute.fromLabel(entry.getKey());
                List<Value> list = new ArrayList<>();
                for (JsonNode node : entry.getValue()) {
                    List<String> tags = new ArrayList<>();
                    node.path("tags").forEach(tag -> tags.add(tag.asText()));
                    list.add(new Value(
                            node.path("value").asText(),
                            node.path("weight").asInt(1),
                            node.path("minAge").asInt(minAge),
                            node.path("maxAge").asInt(maxAge),
                            node.path("rank").asInt(-1),
                            node.path("minRank").asInt(0),
                            node.path("maxRank").asInt(Integer.MAX_VALUE),
                            List.copyOf(tags)));
                }
                values.put(attribute, List.copyOf(list));
            });
            for (Attribute attribute : Attribute.values()) {
                if (attribute != Attribute.AGE && !values.containsKey(attribute)) {
                    throw new IllegalStateException("attribute vocabulary has no values for " + attribute.label());
                }
            }
            return new AttributeVocabulary(minAge, maxAge, Map.copyOf(formats), values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attribute vocabulary " + RESOURCE, e);
        }
    }
}
