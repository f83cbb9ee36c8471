package io.penguin.catalog.writing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.catalog.writing.IssueMaterial;
import io.penguin.catalog.writing.OfflineScenarioWriter;
import io.penguin.catalog.writing.ProfileRules;
import io.penguin.core.Attribute;
import io.penguin.core.AttributeVocabulary;
import io.penguin.core.Profile;
import io.penguin.models.llm.Parsed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a model's profile reply as strictly as the offline generator's own profiles: a JSON object with exactly
 * the 10 attribute names as keys, Age a whole number, every other value one of {@link AttributeVocabulary}'s, the
 * whole profile consistent by {@link ProfileRules}, and different enough from the issue's earlier profiles.
 */
public final class ProfileReplyParser {

    private final AttributeVocabulary vocabulary;
    private final ProfileRules rules;

    public ProfileReplyParser(AttributeVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.rules = new ProfileRules(vocabulary);
    }

    public Parsed<Profile> parse(String reply, IssueMaterial issue, List<Profile> earlier) {
        List<String> problems = new ArrayList<>();
        JsonNode node = ReplyJson.object(reply, problems);
        if (node == null) {
            return Parsed.invalid(problems);
        }
        int unknown = 0;
        for (var names = node.fieldNames(); names.hasNext(); ) {
            if (!isAttribute(names.next())) {
                unknown++;
            }
        }
        if (unknown > 0) {
            problems.add(unknown + (unknown == 1 ? " key is not" : " keys are not")
                    + " an attribute name; expected exactly " + Attribute.labels());
        }
        Map<Attribute, String> values = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            JsonNode value = node.get(attribute.label());
            String field = attribute.label();
            if (value == null) {
                problems.add(field + ": missing");
            } else if (attribute == Attribute.AGE) {
                if (!value.isIntegralNumber()) {
                    problems.add(field + ": expected a whole number, found " + ReplyJson.describe(value));
                } else if (!value.canConvertToInt()
                        || value.asInt() < vocabulary.minAge()
                        || value.asInt() > vocabulary.maxAge()) {
                    problems.add(field + ": outside " + vocabulary.minAge() + ".." + vocabulary.maxAge());
                } else {
                    values.put(attribute, Integer.toString(value.asInt()));
                }
            } else if (!value.isTextual()) {
                problems.add(field + ": expected a string, found " + ReplyJson.describe(value));
            } else if (vocabulary.find(attribute, value.asText()).isEmpty()) {
                problems.add(field + ": not one of the listed values");
            } else {
                values.put(attribute, value.asText());
            }
        }
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        Profile profile = Profile.of(values);
        problems.addAll(rules.violations(profile, issue));
        for (int i = 0; i < earlier.size() && problems.isEmpty(); i++) {
            int difference = OfflineScenarioWriter.difference(earlier.get(i), profile);
            if (difference < OfflineScenarioWriter.MIN_PROFILE_DIFFERENCE) {
                problems.add("too close to profile " + (i + 1) + " of the issue (differs in " + difference
                        + " attributes; at least " + OfflineScenarioWriter.MIN_PROFILE_DIFFERENCE + ")");
            }
        }
        return problems.isEmpty() ? Parsed.of(profile) : Parsed.invalid(problems);
    }

    private static boolean isAttribute(String name) {
        for (Attribute attribute : Attribute.values()) {
            if (attribute.label().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
