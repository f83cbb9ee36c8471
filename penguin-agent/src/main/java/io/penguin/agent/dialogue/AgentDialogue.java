package io.penguin.agent.dialogue;

import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.core.Attribute;
import io.penguin.models.AgentModel;
import io.penguin.models.AnswerRequest;
import io.penguin.models.ModelReply;
import io.penguin.models.PlannedPath;
import io.penguin.models.SufficiencyScale;
import io.penguin.models.TargetModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One dialogue: the user's query, the agent's questions one at a time, the user's answers (or skips and declines),
 * and the final answer. Before each question the abstention module rates what is known on {@link SufficiencyScale};
 * the agent answers once the rating reaches the threshold, the question budget is spent, or nothing is left to ask. Not thread-safe: a
 * connection feeds its dialogue one frame at a time.
 */
public final class AgentDialogue {

    private static final Logger LOG = Logger.getLogger(AgentDialogue.class.getName());

    /** Where the dialogue stands. */
    public enum State {
        AWAITING_QUERY,
        AWAITING_ANSWER,
        ANSWERED
    }

    private final Agent agent;
    private final AgentMode mode;
    private final TargetModel target;
    private final RetrievalScope scope;
    private final Map<Attribute, String> known = new EnumMap<>(Attribute.class);
    private final List<Attribute> asked = new ArrayList<>();
    private final List<Attribute> answered = new ArrayList<>();
    /** Attributes asked about before this query (an earlier query of the same conversation): never asked again. */
    private final Set<Attribute> settled = EnumSet.noneOf(Attribute.class);
    /** Every question of the conversation and its reply, earlier queries' first: what a follow-up starts from. */
    private final List<Exchange> exchanges = new ArrayList<>();

    private List<PlannedPath> examples = List.of();
    private State state = State.AWAITING_QUERY;
    private String query;
    private Turn.Question pending;
    private final DialogueCalls.Counter agentCalls;
    /** Takes the final answer's text piece by piece as the target makes it; null when the answer is not streamed. */
    private Consumer<String> answerDeltas;

    AgentDialogue(Agent agent, AgentMode mode, TargetModel target, RetrievalScope scope) {
        this.agent = agent;
        this.mode = mode;
        this.target = target;
        this.scope = scope;
        this.agentCalls =
                new DialogueCalls.Counter(agent.policy().name(), agent.policy().reference());
    }

    /** The user's query: retrieves similar plans ({@code planner} mode) and takes the first turn. */
    public Turn start(String query) {
        if (state != State.AWAITING_QUERY) {
            throw new DialogueException("the dialogue already has its query");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the query is empty");
        }
        this.query = query.strip();
        if (mode == AgentMode.PLANNER) {
            examples = agent.index()
                    .nearest(agent.index().embed(this.query), agent.settings().examples(), scope);
        }
        return next();
    }

    /**
     * The next turn of a conversation the client keeps (a stateless endpoint: each request carries the history, so any
     * replica serves any turn). No model is asked again about what earlier turns decided: the questions asked since
     * the query and the user's replies are taken as they were, and only the next step is decided.
     *
     * @param query the user's query this dialogue answers
     * @param earlier the exchanges before that query (an earlier query of the same conversation): what the user told
     *     is known, and none of those attributes is asked again; they do not count against the budget
     * @param current the exchanges since the query, in order: they count against the budget
     */
    public Turn resume(String query, List<Exchange> earlier, List<Exchange> current) {
        if (state != State.AWAITING_QUERY) {
            throw new DialogueException("the dialogue already has its query");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the query is empty");
        }
        exchanges.addAll(earlier);
        exchanges.addAll(current);
        for (Exchange exchange : earlier) {
            settled.add(exchange.attribute());
            exchange.answer().ifPresent(answer -> known.put(exchange.attribute(), answer));
        }
        for (Exchange exchange : current) {
            asked.add(exchange.attribute());
            exchange.answer().ifPresent(answer -> {
                known.put(exchange.attribute(), answer);
                if (!answered.contains(exchange.attribute())) {
                    answered.add(exchange.attribute());
                }
            });
        }
        return start(query);
    }

    /** The user's answer to the pending question, as free text: data for the prompts, never instructions. */
    public Turn answer(String questionId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the answer is empty; send skip or decline instead");
        }
        Attribute attribute = take(questionId);
        known.put(attribute, text.strip());
        answered.add(attribute);
        exchanges.add(Exchange.answered(attribute, text));
        return next();
    }

    /** The user moves on without answering; the agent does not ask about this attribute again. */
    public Turn skip(String questionId) {
        exchanges.add(Exchange.unanswered(take(questionId)));
        return next();
    }

    /** The user will not share this; the agent does not ask about this attribute again. */
    public Turn decline(String questionId) {
        exchanges.add(Exchange.unanswered(take(questionId)));
        return next();
    }

    /**
     * The next query of the same conversation, once this dialogue is answered: a new dialogue (its own budget and
     * question ids) that knows every answer given so far and asks about none of the attributes already answered,
     * skipped or declined.
     *
     * @param mode the follow-up's mode
     * @param target the model that answers the follow-up
     */
    public AgentDialogue followUp(AgentMode mode, TargetModel target) {
        if (state != State.ANSWERED) {
            throw new DialogueException("a question is open: answer, skip or decline it before the next query");
        }
        AgentDialogue next = new AgentDialogue(agent, mode, target, scope);
        next.exchanges.addAll(exchanges);
        for (Exchange exchange : exchanges) {
            next.settled.add(exchange.attribute());
            exchange.answer().ifPresent(answer -> next.known.put(exchange.attribute(), answer));
        }
        return next;
    }

    /**
     * Streams this dialogue's final answer: each piece of its text goes to {@code deltas} as the target model makes
     * it (a model on an endpoint relays the endpoint's stream; the reference models give one piece). Joined, the
     * pieces are the answer's text, also when the target fails midway: the reference responder's safe answer then
     * follows what was sent, after a blank line.
     */
    public AgentDialogue streamAnswerTo(Consumer<String> deltas) {
        this.answerDeltas = deltas;
        return this;
    }

    /** Every question of the conversation so far, earlier queries' first, with the user's reply. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public State state() {
        return state;
    }

    public AgentMode mode() {
        return mode;
    }

    public List<Attribute> asked() {
        return List.copyOf(asked);
    }

    /** What the agent model did in this dialogue so far: its decisions, the fallbacks among them, their usage. */
    public DialogueCalls agentCalls() {
        return agentCalls.total();
    }

    /** The planned paths retrieved for this query (empty in {@code agent} mode). */
    public List<PlannedPath> examples() {
        return examples;
    }

    private Attribute take(String questionId) {
        if (state != State.AWAITING_ANSWER) {
            throw new DialogueException(
                    state == State.AWAITING_QUERY
                            ? "no question is open: send the query first"
                            : "the dialogue is over");
        }
        if (!pending.questionId().equals(questionId)) {
            throw new DialogueException(
                    "question '" + questionId + "' is not the open question; the open one is " + pending.questionId());
        }
        Attribute attribute = pending.attribute();
        pending = null;
        return attribute;
    }

    private Turn next() {
        int sufficiency = sufficiency();
        Set<Attribute> candidates = EnumSet.allOf(Attribute.class);
        candidates.removeAll(known.keySet());
        candidates.removeAll(asked);
        candidates.removeAll(settled);
        AgentSettings settings = agent.settings();
        if (sufficiency >= settings.sufficiencyThreshold()
                || asked.size() >= settings.questionBudget()
                || candidates.isEmpty()) {
            return finish(sufficiency);
        }
        Attribute attribute = choose(candidates);
        asked.add(attribute);
        pending = new Turn.Question(
                "q" + asked.size(), attribute, Questions.about(attribute), asked.size(), settings.questionBudget());
        state = State.AWAITING_ANSWER;
        return pending;
    }

    /**
     * The abstention module's rating, counted for this dialogue; a policy that throws or rates outside the scale is
     * counted as a fallback too, since the offline rating decides then.
     */
    private int sufficiency() {
        try {
            AgentModel.Rated rated = agent.policy().rate(query, Map.copyOf(known));
            int rating = rated.rating();
            if (rating >= SufficiencyScale.MIN && rating <= SufficiencyScale.MAX) {
                agentCalls.count(rated.fallback(), rated.usage());
                return rating;
            }
            agentCalls.count(true, rated.usage());
            LOG.warning(() -> "agent model " + agent.policy().name() + " rated sufficiency " + rating
                    + ", outside 0-5; the offline rating stands in");
        } catch (RuntimeException e) {
            agentCalls.count(true, null);
            LOG.log(
                    Level.WARNING,
                    "agent model " + agent.policy().name() + " failed to rate sufficiency: " + e.getMessage()
                            + "; the offline rating stands in");
        }
        agent.countPolicyFallback();
        return agent.safetyNet().sufficiency(query, Map.copyOf(known));
    }

    /** The next attribute, counted for this dialogue like {@link #sufficiency()}. */
    private Attribute choose(Set<Attribute> candidates) {
        try {
            AgentModel.Chosen chosen =
                    agent.policy().choose(query, Map.copyOf(known), Set.copyOf(candidates), examples);
            Attribute attribute = chosen == null ? null : chosen.attribute();
            if (attribute != null && candidates.contains(attribute)) {
                agentCalls.count(chosen.fallback(), chosen.usage());
                return attribute;
            }
            agentCalls.count(true, chosen == null ? null : chosen.usage());
            LOG.warning(() -> "agent model " + agent.policy().name() + " chose " + attribute
                    + ", not among the candidates; the offline selector stands in");
        } catch (RuntimeException e) {
            agentCalls.count(true, null);
            LOG.log(
                    Level.WARNING,
                    "agent model " + agent.policy().name() + " failed to choose: " + e.getMessage()
                            + "; the offline selector stands in");
        }
        agent.countPolicyFallback();
        return agent.safetyNet().chooseNext(query, Map.copyOf(known), Set.copyOf(candidates), examples);
    }

    private Turn.Answer finish(int sufficiency) {
        state = State.ANSWERED;
        AnswerRequest request = new AnswerRequest(query, known);
        SentText sent = answerDeltas == null ? null : new SentText(answerDeltas);
        ModelReply reply;
        String text;
        boolean fallback = false;
        String model = target.name();
        try {
            reply = sent == null ? target.answer(request) : target.answer(request, sent);
            text = reply.text();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "target model " + target.name() + " failed: " + e.getMessage()
                            + "; sending the reference responder's safe answer");
            agent.countAnswerFallback();
            reply = agent.fallbackResponder().answer(request);
            fallback = true;
            model = agent.fallbackResponder().name();
            text = sent == null || sent.text().isEmpty() ? reply.text() : sent.text() + "\n\n" + reply.text();
            if (sent != null) {
                sent.accept(text.substring(sent.text().length()));
            }
        }
        return new Turn.Answer(
                text,
                model,
                asked,
                answered,
                sufficiency,
                fallback,
                reply.usage(),
                reply.promptVersion(),
                agentCalls.total());
    }

    /** The pieces of a streamed answer, passed on and kept: what the receiver has seen so far. */
    private static final class SentText implements Consumer<String> {
        private final Consumer<String> receiver;
        private final StringBuilder text = new StringBuilder();

        SentText(Consumer<String> receiver) {
            this.receiver = receiver;
        }

        @Override
        public void accept(String piece) {
            receiver.accept(piece);
            text.append(piece);
        }

        String text() {
            return text.toString();
        }
    }
}
