package io.penguin.agent.dialogue;

import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.models.AgentModel;
import io.penguin.models.TargetModel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RAISE agent: opens dialogues that share its policy, retrieval index and settings. The same object serves live
 * WebSocket sessions and simulated evaluation, so the benchmark measures the agent users talk to. Thread-safe; each
 * dialogue is not.
 */
public final class Agent {

    private final AgentModel policy;
    private final AgentModel safetyNet;
    private final PolicyIndex index;
    private final TargetModel fallbackResponder;
    private final AgentSettings settings;
    private final AtomicLong policyFallbacks = new AtomicLong();
    private final AtomicLong answerFallbacks = new AtomicLong();

    /**
     * @param policy the agent model: sufficiency and the next attribute
     * @param safetyNet the offline policy used when {@code policy} fails or breaks its contract
     * @param index the planned paths to retrieve from
     * @param fallbackResponder the offline responder whose safe answer is sent when the target model is down
     * @param settings budget, abstention threshold, examples, retrieval scope
     */
    public Agent(
            AgentModel policy,
            AgentModel safetyNet,
            PolicyIndex index,
            TargetModel fallbackResponder,
            AgentSettings settings) {
        this.policy = policy;
        this.safetyNet = safetyNet;
        this.index = index;
        this.fallbackResponder = fallbackResponder;
        this.settings = settings;
    }

    /** A live dialogue: retrieval sees the configured splits. */
    public AgentDialogue open(AgentMode mode, TargetModel target) {
        return open(mode, target, settings.scope());
    }

    /** A dialogue whose retrieval sees only {@code scope} (simulated sessions exclude their own scenario). */
    public AgentDialogue open(AgentMode mode, TargetModel target, RetrievalScope scope) {
        return new AgentDialogue(this, mode, target, scope);
    }

    public AgentSettings settings() {
        return settings;
    }

    public String policyName() {
        return policy.name();
    }

    /** How often the agent model failed or answered outside its contract and the offline policy stood in. */
    public long policyFallbacks() {
        return policyFallbacks.get();
    }

    /** How often the target model failed and the offline responder's safe answer was sent. */
    public long answerFallbacks() {
        return answerFallbacks.get();
    }

    AgentModel policy() {
        return policy;
    }

    AgentModel safetyNet() {
        return safetyNet;
    }

    PolicyIndex index() {
        return index;
    }

    TargetModel fallbackResponder() {
        return fallbackResponder;
    }

    void countPolicyFallback() {
        policyFallbacks.incrementAndGet();
    }

    void countAnswerFallback() {
        answerFallbacks.incrementAndGet();
    }
}
