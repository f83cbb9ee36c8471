package io.penguin.catalog.writing.llm;

import io.penguin.catalog.ScenarioIds;
import io.penguin.catalog.writing.IssueMaterial;
import io.penguin.core.AttributeVocabulary;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import io.penguin.core.Taxonomy;
import io.penguin.models.ModelRole;
import io.penguin.models.endpoint.ChatCall;
import io.penguin.models.endpoint.StructuredOutput;
import io.penguin.models.llm.ModelCalls;
import io.penguin.models.llm.Parsed;
import io.penguin.models.llm.Reasking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The LLM generator, issue by issue as the paper did it: first the issue's profiles, one call each (the prompt lists
 * the profiles already accepted, so the model makes them differ), then each profile's queries in one call. Every
 * reply is validated strictly ({@link ProfileReplyParser}, {@link QueriesReplyParser}); an invalid reply is answered
 * with a re-ask naming the problems, up to {@code maxReasks} times, after which that profile (or that profile's
 * queries) is given up and counted. Only valid replies are cached, so a repeated generation pays only for what was
 * invalid. A model call that fails after the endpoint's retry budget fails the issue: no made-up scenario.
 */
public final class LlmScenarioWriter {

    private final ModelCalls calls;
    private final Reasking reasking;
    private final ScenarioPrompts prompts;
    private final ProfileReplyParser profiles;
    private final QueriesReplyParser queries = new QueriesReplyParser();

    public LlmScenarioWriter(ModelCalls calls, int maxReasks) {
        this(calls, maxReasks, AttributeVocabulary.standard());
    }

    public LlmScenarioWriter(ModelCalls calls, int maxReasks, AttributeVocabulary vocabulary) {
        this.calls = calls;
        this.reasking = new Reasking(calls, ModelRole.SCENARIO_WRITER, maxReasks);
        this.prompts = new ScenarioPrompts(vocabulary);
        this.profiles = new ProfileReplyParser(vocabulary);
    }

    public String model() {
        return calls.endpoint().name();
    }

    /** All accepted scenarios of one issue; what was rejected goes to {@code tally}. */
    public List<Scenario> issue(
            long seed, Taxonomy.IssuePlace place, int profilesPerIssue, int queriesPerProfile, RejectionTally tally) {
        IssueMaterial material = IssueMaterial.of(place.issue());
        List<Profile> accepted = new ArrayList<>(profilesPerIssue);
        StructuredOutput profileOutput = prompts.profileOutput(material);
        for (int number = 1; number <= profilesPerIssue; number++) {
            List<Profile> earlier = List.copyOf(accepted);
            ChatCall call = ChatCall.of(
                            ScenarioPrompts.SYSTEM, prompts.profile(seed, material, number, profilesPerIssue, earlier))
                    .withOutput(profileOutput);
            Profile profile =
                    ask(call, RejectionTally.Stage.PROFILE, tally, text -> profiles.parse(text, material, earlier));
            if (profile != null) {
                accepted.add(profile);
            }
        }
        Set<String> issueQueries = new HashSet<>();
        StructuredOutput queriesOutput = prompts.queriesOutput(queriesPerProfile);
        List<Scenario> scenarios = new ArrayList<>(accepted.size() * queriesPerProfile);
        for (Profile profile : accepted) {
            Set<String> earlier = Set.copyOf(issueQueries);
            ChatCall call = ChatCall.of(
                            ScenarioPrompts.SYSTEM, prompts.queries(seed, material, profile, queriesPerProfile))
                    .withOutput(queriesOutput);
            List<String> written = ask(
                    call, RejectionTally.Stage.QUERIES, tally, text -> queries.parse(text, queriesPerProfile, earlier));
            if (written == null) {
                continue;
            }
            issueQueries.addAll(written);
            for (String query : written) {
                scenarios.add(ScenarioIds.scenario(place, profile, query));
            }
        }
        return scenarios;
    }

    /** Asks, validates, re-asks; the valid value, or null when the budget is spent. */
    private <T> T ask(
            ChatCall call, RejectionTally.Stage stage, RejectionTally tally, Function<String, Parsed<T>> check) {
        Reasking.Outcome<T> outcome = reasking.ask(call, check, ScenarioPrompts::reask, new Reasking.Observer() {
            @Override
            public void replied() {
                tally.replied();
            }

            @Override
            public void rejected(List<String> problems) {
                tally.rejected(stage, problems);
            }

            @Override
            public void reasked() {
                tally.reasked();
            }
        });
        if (outcome.valid()) {
            return outcome.value();
        }
        tally.abandoned(stage);
        return null;
    }
}
