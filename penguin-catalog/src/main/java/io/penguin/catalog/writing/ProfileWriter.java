package io.penguin.catalog.writing;

import io.penguin.core.Attribute;
import io.penguin.core.AttributeVocabulary;
import io.penguin.core.Profile;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Draws one profile for an issue, attribute by attribute, each from the values that fit what is already drawn (age
 * first, then education, profession, ...), weighted by the vocabulary. A draw that runs out of fitting values starts
 * again with another age.
 */
final class ProfileWriter {

    private static final int ATTEMPTS = 200;

    private final AttributeVocabulary vocabulary;

    ProfileWriter(AttributeVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Profile draw(IssueMaterial issue, SplittableRandom random) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Profile> profile = tryDraw(issue, random);
            if (profile.isPresent()) {
                return profile.get();
            }
        }
        throw new IllegalStateException("no consistent profile found for issue '"
                + issue.place().issue() + "': its constraints in issues.json leave no value for some attribute");
    }

    private Optional<Profile> tryDraw(IssueMaterial issue, SplittableRandom random) {
        int low = Math.max(vocabulary.minAge(), issue.minAge());
        int high = Math.min(vocabulary.maxAge(), issue.maxAge());
        // Two uniform draws averaged: ages cluster mid-range, and the extremes still occur.
        int age = low + (random.nextInt(high - low + 1) + random.nextInt(high - low + 1)) / 2;
        Map<Attribute, String> values = new EnumMap<>(Attribute.class);
        values.put(Attribute.AGE, Integer.toString(age));

        Optional<AttributeVocabulary.Value> education = pick(
                Attribute.EDUCATION_LEVEL,
                random,
                value -> value.fitsAge(age) && value.rank() >= issue.educationMinRank());
        if (education.isEmpty()) {
            return Optional.empty();
        }
        int rank = education.get().rank();
        Optional<AttributeVocabulary.Value> profession = pick(
                Attribute.PROFESSION,
                random,
                value -> value.fitsAge(age)
                        && rank >= value.minRank()
                        && rank <= value.maxRank()
                        && (issue.professionTags().isEmpty() || value.hasAnyTag(issue.professionTags())));
        if (profession.isEmpty()) {
            return Optional.empty();
        }
        boolean noIncome =
                profession.get().hasTag("student") || profession.get().hasTag("unemployed");
        Optional<AttributeVocabulary.Value> marital = pick(
                Attribute.MARITAL_STATUS,
                random,
                value -> value.fitsAge(age)
                        && (issue.marital().isEmpty() || issue.marital().contains(value.value())));
        Optional<AttributeVocabulary.Value> economic = pick(
                Attribute.ECONOMIC_STATUS,
                random,
                value -> (issue.economicTags().isEmpty() || value.hasAnyTag(issue.economicTags()))
                        && !(noIncome && value.hasTag("high")));
        Optional<AttributeVocabulary.Value> health = pick(
                Attribute.HEALTH_STATUS,
                random,
                value -> value.fitsAge(age) && (issue.healthTags().isEmpty() || value.hasAnyTag(issue.healthTags())));
        Optional<AttributeVocabulary.Value> mental = pick(
                Attribute.MENTAL_HEALTH_STATUS,
                random,
                value -> value.fitsAge(age) && (issue.mentalTags().isEmpty() || value.hasAnyTag(issue.mentalTags())));
        if (marital.isEmpty() || economic.isEmpty() || health.isEmpty() || mental.isEmpty()) {
            return Optional.empty();
        }
        boolean noCondition = mental.get().hasTag("none");
        boolean atRisk = mental.get().hasTag("self-harm-risk");
        Optional<AttributeVocabulary.Value> selfHarm = pick(Attribute.PAST_SELF_HARM_HISTORY, random, value -> {
            if (!value.fitsAge(age)) {
                return false;
            }
            if (value.hasTag("none")) {
                return !issue.selfHarmHistory();
            }
            // A history comes with a condition; a recent one with a condition that carries that risk.
            return !noCondition && (atRisk || !value.hasTag("recent"));
        });
        Optional<AttributeVocabulary.Value> emotion =
                pick(Attribute.EMOTIONAL_STATE, random, value -> value.hasAnyTag(issue.emotions()));
        if (selfHarm.isEmpty() || emotion.isEmpty()) {
            return Optional.empty();
        }
        values.put(
                Attribute.GENDER,
                pick(Attribute.GENDER, random, value -> true).orElseThrow().value());
        values.put(Attribute.MARITAL_STATUS, marital.get().value());
        values.put(Attribute.PROFESSION, profession.get().value());
        values.put(Attribute.ECONOMIC_STATUS, economic.get().value());
        values.put(Attribute.HEALTH_STATUS, health.get().value());
        values.put(Attribute.EDUCATION_LEVEL, education.get().value());
        values.put(Attribute.MENTAL_HEALTH_STATUS, mental.get().value());
        values.put(Attribute.PAST_SELF_HARM_HISTORY, selfHarm.get().value());
        values.put(Attribute.EMOTIONAL_STATE, emotion.get().value());
        return Optional.of(Profile.of(values));
    }

    private Optional<AttributeVocabulary.Value> pick(
            Attribute attribute, SplittableRandom random, Predicate<AttributeVocabulary.Value> fits) {
        List<AttributeVocabulary.Value> candidates =
                vocabulary.values(attribute).stream().filter(fits).toList();
        int total =
                candidates.stream().mapToInt(AttributeVocabulary.Value::weight).sum();
        if (total <= 0) {
            return Optional.empty();
        }
        int point = random.nextInt(total);
        for (AttributeVocabulary.Value candidate : candidates) {
            point -= candidate.weight();
            if (point < 0) {
                return Optional.of(candidate);
            }
        }
        return Optional.of(candidates.get(candidates.size() - 1));
    }
}
