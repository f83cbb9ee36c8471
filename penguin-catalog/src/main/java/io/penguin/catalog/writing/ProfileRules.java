package io.penguin.catalog.writing;

import io.penguin.core.Attribute;
import io.penguin.core.AttributeVocabulary;
import io.penguin.core.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The consistency rules a generated profile obeys, checked independently of how it was drawn: every value fits the
 * age; the profession fits the education; a self-harm history comes with a mental-health condition; the emotional
 * state and the rest of the profile fit the issue.
 */
public final class ProfileRules {

    private final AttributeVocabulary vocabulary;

    public ProfileRules(AttributeVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** What is wrong with a profile for an issue; empty when it is consistent. */
    public List<String> violations(Profile profile, IssueMaterial issue) {
        List<String> problems = new ArrayList<>();
        int age;
        try {
            age = Integer.parseInt(profile.get(Attribute.AGE));
        } catch (NumberFormatException e) {
            return List.of("Age is not a whole number");
        }
        if (age < Math.max(vocabulary.minAge(), issue.minAge())
                || age > Math.min(vocabulary.maxAge(), issue.maxAge())) {
            problems.add("Age is outside " + Math.max(vocabulary.minAge(), issue.minAge()) + ".."
                    + Math.min(vocabulary.maxAge(), issue.maxAge()) + " for this issue");
        }
        for (Attribute attribute : Attribute.values()) {
            if (attribute == Attribute.AGE) {
                continue;
            }
            Optional<AttributeVocabulary.Value> value = vocabulary.find(attribute, profile.get(attribute));
            if (value.isEmpty()) {
                problems.add(attribute.label() + " is not in the vocabulary");
            } else if (!value.get().fitsAge(age)) {
                problems.add(attribute.label() + " does not fit age " + age);
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        AttributeVocabulary.Value education = value(profile, Attribute.EDUCATION_LEVEL);
        AttributeVocabulary.Value profession = value(profile, Attribute.PROFESSION);
        AttributeVocabulary.Value mental = value(profile, Attribute.MENTAL_HEALTH_STATUS);
        AttributeVocabulary.Value selfHarm = value(profile, Attribute.PAST_SELF_HARM_HISTORY);
        if (education.rank() < profession.minRank() || education.rank() > profession.maxRank()) {
            problems.add("Profession does not fit the Education Level");
        }
        if (education.rank() < issue.educationMinRank()) {
            problems.add("Education Level is below what the issue implies");
        }
        if (!selfHarm.hasTag("none") && mental.hasTag("none")) {
            problems.add("Past Self-Harm History without any Mental Health Status");
        }
        if (selfHarm.hasTag("recent") && !mental.hasTag("self-harm-risk")) {
            problems.add("recent self-harm with a Mental Health Status that does not carry that risk");
        }
        if (issue.selfHarmHistory() && selfHarm.hasTag("none")) {
            problems.add("the issue implies a Past Self-Harm History");
        }
        if (!value(profile, Attribute.EMOTIONAL_STATE).hasAnyTag(issue.emotions())) {
            problems.add("Emotional State does not fit the issue");
        }
        if (!issue.marital().isEmpty() && !issue.marital().contains(profile.get(Attribute.MARITAL_STATUS))) {
            problems.add("Marital Status does not fit the issue");
        }
        if ((profession.hasTag("student") || profession.hasTag("unemployed"))
                && value(profile, Attribute.ECONOMIC_STATUS).hasTag("high")) {
            problems.add("Economic Status does not fit the Profession");
        }
        requireTag(problems, profile, Attribute.PROFESSION, issue.professionTags());
        requireTag(problems, profile, Attribute.HEALTH_STATUS, issue.healthTags());
        requireTag(problems, profile, Attribute.MENTAL_HEALTH_STATUS, issue.mentalTags());
        requireTag(problems, profile, Attribute.ECONOMIC_STATUS, issue.economicTags());
        return problems;
    }

    private void requireTag(List<String> problems, Profile profile, Attribute attribute, List<String> tags) {
        if (!tags.isEmpty() && !value(profile, attribute).hasAnyTag(tags)) {
            problems.add(attribute.label() + " does not fit the issue");
        }
    }

    private AttributeVocabulary.Value value(Profile profile, Attribute attribute) {
        return vocabulary.find(attribute, profile.get(attribute)).orElseThrow();
    }
}
