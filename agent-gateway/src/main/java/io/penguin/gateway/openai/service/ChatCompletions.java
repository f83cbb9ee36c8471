package io.penguin.gateway.openai.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.penguin.agent.dialogue.Agent;
import io.penguin.agent.dialogue.AgentDialogue;
import io.penguin.agent.dialogue.AgentMode;
import io.penguin.agent.dialogue.DialogueCalls;
import io.penguin.agent.dialogue.Turn;
import io.penguin.contracts.ModelUsage;
import io.penguin.gateway.config.GatewayConfig;
import io.penguin.models.ModelRegistry;
import io.penguin.models.ModelRole;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The agent behind the OpenAI-compatible endpoint. Each request is a whole conversation: the agent's state is read
 * from it ({@link Conversation}), one new dialogue takes the next turn, and nothing is kept afterwards.
 */
@ApplicationScoped
public class ChatCompletions {

    private final Agent agent;
    private final ModelRegistry models;
    private final AgentMode mode;
    private final GatewayConfig.Limits limits;
    private final ChatRequestParser parser;
    private final MeterRegistry meters;
    /**
     * Streamed turns, one thread each while the request's thread writes the stream: threads are made as needed
     * rather than queued, since a queued turn would hold its writer waiting (how many run at once is bounded by the
     * clients' slots).
     */
    private final ExecutorService turns = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "openai-streamed-turn");
        thread.setDaemon(true);
        return thread;
    });

    public ChatCompletions(Agent agent, ModelRegistry models, GatewayConfig config, MeterRegistry meters) {
        this.agent = agent;
        this.models = models;
        this.mode = AgentMode.parse(config.openai().mode());
        this.limits = config.limits();
        this.parser = new ChatRequestParser(
                config.openai().maxBodyBytes(), config.openai().maxMessages(), models::hasTarget);
        this.meters = meters;
    }

    /** The body as a request, or {@link InvalidChatRequestException} naming the field at fault. */
    public ChatRequest parse(String body) {
        return parser.parse(body);
    }

    /** The agent's next turn in the request's conversation: a question, or the answer through the target model. */
    public AgentReply complete(ChatRequest request) {
        return take(read(request), request, null);
    }

    /** Where the request's conversation stands, or {@link InvalidChatRequestException} naming the message at fault. */
    private Conversation read(ChatRequest request) {
        return Conversation.read(request.messages(), limits.maxQueryChars(), limits.maxAnswerChars());
    }

    /**
     * The next turn, taken on a thread of its own, an answer's text handed over as the target model makes it (the
     * reference models give it in one piece); a question's text is not streamed. The conversation is read first, so a
     * bad request throws {@link InvalidChatRequestException} here, before any stream.
     */
    public StreamedTurn stream(ChatRequest request) {
        Conversation conversation = read(request);
        return StreamedTurn.start(turns, deltas -> take(conversation, request, deltas));
    }

    @PreDestroy
    void stop() {
        turns.shutdownNow();
    }

    private AgentReply take(Conversation conversation, ChatRequest request, Consumer<String> deltas) {
        long started = System.nanoTime();
        String kind = "failed";
        try {
            AgentDialogue dialogue = agent.open(mode, models.target(request.model()));
            if (deltas != null) {
                dialogue.streamAnswerTo(deltas);
            }
            Turn turn = dialogue.resume(conversation.query(), conversation.earlier(), conversation.current());
            DialogueCalls agentCalls = dialogue.agentCalls();
            long prompt = agentCalls.usage().promptTokens();
            long completion = agentCalls.usage().completionTokens();
            if (turn instanceof Turn.Answer answer && answer.usage() != null) {
                ModelUsage usage = answer.usage();
                prompt += usage.promptTokens();
                completion += usage.completionTokens();
            }
            kind = turn instanceof Turn.Question ? "question" : "answer";
            return new AgentReply(turn, request.model(), (int) prompt, (int) completion);
        } finally {
            turnTimer(kind, deltas != null).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * {@code penguin.openai.completions}: each turn's time in the gateway, the target model's call included, by
     * {@code turn} ({@code question}, {@code answer}, {@code failed}) and {@code stream}; a histogram for Prometheus.
     */
    private Timer turnTimer(String kind, boolean streamed) {
        return Timer.builder("penguin.openai.completions")
                .description("chat-completion turns and their time in the gateway, the target model's call included")
                .tag("turn", kind)
                .tag("stream", String.valueOf(streamed))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(meters);
    }

    /** The target models a request may name, sorted. */
    public List<String> targetModels() {
        return List.copyOf(new TreeSet<>(models.namesFor(ModelRole.TARGET)));
    }
}
