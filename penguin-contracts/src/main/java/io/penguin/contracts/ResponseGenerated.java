package io.penguin.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.penguin.core.Attribute;
import io.penguin.core.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A target model's answer to a work item, on {@link Topics#RESPONSES}: a plain call under the item's condition
 * (generation-service) or the final answer of a simulated RAISE session (agent-gateway). Carries the scenario on, because the judge
 * always scores against the full profile.
 *
 * @param item the work item's identity
 * @param judgeModel the judge the run asked for
 * @param panelJudges further judges that score the same response, for inter-judge agreement (usually empty)
 * @param scenario the scenario, with its full profile
 * @param visibleAttributes the attributes the target model was shown
 * @param response the model's answer
 * @param usage what the call cost
 * @param questionsAsked for the agent conditions ({@code agent}, {@code planner}): the attributes the agent asked
 *     about, in order, answered or declined; {@code null} for every other condition
 * @param promptVersion the version of the target's prompt template ({@code unversioned} in events written before it
 *     was recorded): two runs with different templates are never compared as if alike
 * @param roleCalls what the other roles did for this item (agent, simulated user, planner), with their fallbacks to a
 *     rule-based stand-in; empty for a plain target call
 * @param dialogue for the agent conditions: each question and the simulated user's answer or decline, in order, for
 *     the transcript; {@code null} for every other condition and in events written before it was recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseGenerated(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        WorkItemId item,
        String judgeModel,
        List<String> panelJudges,
        Scenario scenario,
        List<Attribute> visibleAttributes,
        String response,
        ModelUsage usage,
        List<Attribute> questionsAsked,
        String promptVersion,
        List<RoleCalls> roleCalls,
        List<DialogueTurn> dialogue)
        implements PenguinEvent {

    public static final String TYPE = "ResponseGenerated";
    public static final int SCHEMA_VERSION = 2;

    /** The prompt version of events written before versions were recorded. */
    public static final String UNVERSIONED = "unversioned";

    public ResponseGenerated {
        Events.requireEnvelope(eventId, type, TYPE, occurredAt);
        Events.requireNonNull(item, "item");
        Events.requireText(judgeModel, "judgeModel");
        panelJudges = panelJudges == null ? List.of() : List.copyOf(panelJudges);
        Events.requireNonNull(scenario, "scenario");
        Events.requireSame(item.scenarioId(), scenario.id(), "item.scenarioId", "scenario.id");
        Events.requireCatalogProfile(scenario);
        visibleAttributes = List.copyOf(Events.requireNonNull(visibleAttributes, "visibleAttributes"));
        Events.requireText(response, "response");
        Events.requireNonNull(usage, "usage");
        questionsAsked = questionsAsked == null ? null : List.copyOf(questionsAsked);
        promptVersion = promptVersion == null || promptVersion.isBlank() ? UNVERSIONED : promptVersion;
        roleCalls = roleCalls == null ? List.of() : List.copyOf(roleCalls);
        dialogue = dialogue == null ? null : List.copyOf(dialogue);
    }

    public static ResponseGenerated of(
            GenerationRequested request, List<Attribute> visibleAttributes, String response, ModelUsage usage) {
        return answering(request, visibleAttributes, response, usage, null);
    }

    /**
     * The final answer of a simulated agent session.
     *
     * @param visibleAttributes what the user told the agent, which the target model was shown
     * @param questionsAsked what the agent asked, in order, answered or declined
     */
    public static ResponseGenerated ofAgentSession(
            GenerationRequested request,
            List<Attribute> visibleAttributes,
            List<Attribute> questionsAsked,
            String response,
            ModelUsage usage) {
        return answering(
                request, visibleAttributes, response, usage, Events.requireNonNull(questionsAsked, "questionsAsked"));
    }

    private static ResponseGenerated answering(
            GenerationRequested request,
            List<Attribute> visibleAttributes,
            String response,
            ModelUsage usage,
            List<Attribute> questionsAsked) {
        return new ResponseGenerated(
                UUID.randomUUID(),
                TYPE,
                SCHEMA_VERSION,
                Instant.now(),
                request.item(),
                request.judgeModel(),
                request.panelJudges(),
                request.scenario(),
                visibleAttributes,
                response,
                usage,
                questionsAsked,
                UNVERSIONED,
                List.of(),
                null);
    }

    /** The same response, with the target's prompt version and what the other roles did. */
    public ResponseGenerated withProvenance(String promptVersion, List<RoleCalls> roleCalls) {
        return with(promptVersion, roleCalls, dialogue);
    }

    /** The same response, with the agent dialogue that led to it. */
    public ResponseGenerated withDialogue(List<DialogueTurn> turns) {
        return with(promptVersion, roleCalls, turns);
    }

    /** The same event (same id and time), its provenance and dialogue replaced. */
    private ResponseGenerated with(String promptVersion, List<RoleCalls> roleCalls, List<DialogueTurn> dialogue) {
        return new ResponseGenerated(
                eventId,
                type,
                schemaVersion,
                occurredAt,
                item,
                judgeModel,
                panelJudges,
                scenario,
                visibleAttributes,
                response,
                usage,
                questionsAsked,
                promptVersion,
                roleCalls,
                dialogue);
    }

    /** Decisions the rule-based stand-ins gave instead of a failed model, over every role. */
    public int fallbacks() {
        return roleCalls.stream().mapToInt(RoleCalls::fallbacks).sum();
    }

    /** The run's judge first, then the panel: every judge that scores this response. */
    public List<String> allJudges() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(judgeModel), panelJudges.stream())
                .distinct()
                .toList();
    }

    @Override
    public String key() {
        return item.scenarioId();
    }

    /** Ids and counts only: never the query, the profile, the response or the user's answers. */
    @Override
    public String toString() {
        return "ResponseGenerated[eventId=" + eventId + ", item=" + item + ", judgeModel=" + judgeModel
                + ", promptVersion=" + promptVersion + ", dialogueTurns=" + (dialogue == null ? 0 : dialogue.size())
                + "]";
    }
}
