package io.penguin.catalog.writing;

import io.penguin.catalog.ScenarioIds;
import io.penguin.core.Attribute;
import io.penguin.core.AttributeVocabulary;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import io.penguin.core.Taxonomy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The offline generator: for each issue, {@code profilesPerIssue} consistent and mutually different profiles, and for
 * each profile {@code queriesPerProfile} different queries, mostly ambiguous, some with explicit risk signals (more
 * for profiles at risk). Deterministic: the same seed gives the same scenarios, issue by issue, whatever other
 * issues are generated with it. No network. Scenarios come out one issue at a time, so memory stays small.
 */
public final class OfflineScenarioWriter {

    /** Profiles of one issue differ in at least this many attributes, pairwise. */
    public static final int MIN_PROFILE_DIFFERENCE = 3;

    private static final int ATTEMPTS = 500;

    private final AttributeVocabulary vocabulary;
    private final ProfileWriter profiles;
    private final ProfileRules rules;
    private final QueryWriter queries = new QueryWriter();

    public OfflineScenarioWriter() {
        this(AttributeVocabulary.standard());
    }

    public OfflineScenarioWriter(AttributeVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.profiles = new ProfileWriter(vocabulary);
        this.rules = new ProfileRules(vocabulary);
    }

    /** Generates lazily, issue after issue, in the order given. */
    public Iterator<WrittenScenario> generate(
            long seed, List<Taxonomy.IssuePlace> issues, int profilesPerIssue, int queriesPerProfile) {
        if (profilesPerIssue < 1 || profilesPerIssue > 50) {
            throw new IllegalArgumentException("profilesPerIssue must be between 1 and 50, was " + profilesPerIssue);
        }
        if (queriesPerProfile < 1 || queriesPerProfile > 50) {
            throw new IllegalArgumentException("queriesPerProfile must be between 1 and 50, was " + queriesPerProfile);
        }
        Iterator<Taxonomy.IssuePlace> remaining = List.copyOf(issues).iterator();
        return new Iterator<>() {
            private Iterator<WrittenScenario> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && remaining.hasNext()) {
                    current = issue(seed, remaining.next(), profilesPerIssue, queriesPerProfile)
                            .iterator();
                }
                return current.hasNext();
            }

            @Override
            public WrittenScenario next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** All scenarios of one issue. */
    public List<WrittenScenario> issue(
            long seed, Taxonomy.IssuePlace place, int profilesPerIssue, int queriesPerProfile) {
        IssueMaterial material = IssueMaterial.of(place.issue());
        SplittableRandom random =
                new SplittableRandom(seed * 0x9E3779B97F4A7C15L + place.issue().hashCode());
        List<Profile> drawn = drawProfiles(material, random, profilesPerIssue);
        Set<String> issueQueries = new HashSet<>();
        List<WrittenScenario> scenarios = new ArrayList<>(profilesPerIssue * queriesPerProfile);
        for (int number = 0; number < drawn.size(); number++) {
            Profile profile = drawn.get(number);
            for (QueryKind kind : kinds(profile, queriesPerProfile, random)) {
                String query = uniqueQuery(material, profile, kind, random, issueQueries);
                scenarios.add(new WrittenScenario(ScenarioIds.scenario(place, profile, query), number, kind));
            }
        }
        return scenarios;
    }

    /**
     * Queries for a profile that came from elsewhere (a reference profiles file): the offline writer gives it
     * {@code count} different queries of its issue, deterministically for the seed.
     */
    public List<Scenario> queriesFor(long seed, Taxonomy.IssuePlace place, Profile profile, int count) {
        IssueMaterial material = IssueMaterial.of(place.issue());
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L
                + ScenarioIds.of(place.issue(), profile, "").hashCode());
        Set<String> taken = new HashSet<>();
        List<Scenario> scenarios = new ArrayList<>(count);
        for (QueryKind kind : kinds(profile, count, random)) {
            String query = uniqueQuery(material, profile, kind, random, taken);
            scenarios.add(ScenarioIds.scenario(place, profile, query));
        }
        return scenarios;
    }

    private List<Profile> drawProfiles(IssueMaterial material, SplittableRandom random, int count) {
        List<Profile> drawn = new ArrayList<>(count);
        int attempts = 0;
        while (drawn.size() < count) {
            if (++attempts > ATTEMPTS * count) {
                throw new IllegalStateException("cannot draw " + count + " different profiles for issue '"
                        + material.place().issue() + "'");
            }
            Profile candidate = profiles.draw(material, random);
            List<String> problems = rules.violations(candidate, material);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("generated an inconsistent profile for issue '"
                        + material.place().issue() + "': " + problems);
            }
            if (drawn.stream().allMatch(other -> difference(other, candidate) >= MIN_PROFILE_DIFFERENCE)) {
                drawn.add(candidate);
            }
        }
        return drawn;
    }

    /** In how many attributes two profiles differ. */
    public static int difference(Profile one, Profile other) {
        int different = 0;
        for (Attribute attribute : Attribute.values()) {
            if (!one.get(attribute).equals(other.get(attribute))) {
                different++;
            }
        }
        return different;
    }

    /**
     * The kinds of a profile's queries: explicit risk signals from about one query in five for a profile at risk (a
     * self-harm history or a severe condition), one in ten for other diagnosed conditions, rarely otherwise; latent
     * risk from one in five or one in ten; the rest practical. Shuffled, so kinds are not in a fixed order.
     */
    private List<QueryKind> kinds(Profile profile, int count, SplittableRandom random) {
        boolean history = !hasTag(profile, Attribute.PAST_SELF_HARM_HISTORY, "none");
        boolean severe = hasTag(profile, Attribute.MENTAL_HEALTH_STATUS, "severe");
        boolean diagnosed = hasTag(profile, Attribute.MENTAL_HEALTH_STATUS, "diagnosed");
        double explicitRate;
        double latentRate;
        if (history || severe) {
            explicitRate = 0.2;
            latentRate = 0.2;
        } else if (diagnosed) {
            explicitRate = 0.1;
            latentRate = 0.2;
        } else {
            explicitRate = 0.03;
            latentRate = 0.1;
        }
        int explicit = share(count * explicitRate, random);
        int latent = Math.min(count - explicit, share(count * latentRate, random));
        List<QueryKind> kinds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            kinds.add(
                    i < explicit ? QueryKind.EXPLICIT : i < explicit + latent ? QueryKind.LATENT : QueryKind.PRACTICAL);
        }
        for (int i = kinds.size() - 1; i > 0; i--) {
            Collections.swap(kinds, i, random.nextInt(i + 1));
        }
        return kinds;
    }

    /**
     * Whether a profile value carries a vocabulary tag. A value from elsewhere that is not in the vocabulary counts as
     * "none" when it says none or no, and as a condition (diagnosed, not severe) otherwise.
     */
    private boolean hasTag(Profile profile, Attribute attribute, String tag) {
        String value = profile.get(attribute);
        return vocabulary.find(attribute, value).map(found -> found.hasTag(tag)).orElseGet(() -> {
            boolean none = value.equalsIgnoreCase("none")
                    || value.toLowerCase(java.util.Locale.ROOT).startsWith("no");
            return tag.equals("none") ? none : tag.equals("diagnosed") && !none;
        });
    }

    private static int share(double expected, SplittableRandom random) {
        int whole = (int) Math.floor(expected);
        return whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    private String uniqueQuery(
            IssueMaterial material, Profile profile, QueryKind kind, SplittableRandom random, Set<String> taken) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String query = queries.write(material, profile, kind, random);
            if (taken.add(query)) {
                return query;
            }
        }
        throw new IllegalStateException("cannot write another different " + kind + " query for issue '"
                + material.place().issue() + "'");
    }
}
