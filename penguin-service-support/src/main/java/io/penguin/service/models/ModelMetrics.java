package io.penguin.service.models;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.penguin.models.JudgeModel;
import io.penguin.models.ModelRegistry;
import io.penguin.models.endpoint.LoggingEndpointObserver;
import io.penguin.models.endpoint.ModelEndpoint;
import io.penguin.models.llm.CallAccounting;
import io.penguin.models.llm.CallRecord;
import io.penguin.models.llm.LlmAgentModel;
import io.penguin.models.llm.LlmJudgeModel;
import java.time.Duration;

/**
 * Model calls as metrics, by model and role: tokens, cost, latency, cache hits and misses, failed attempts, the
 * circuit state, the adaptive concurrency limit, the judges' parse failures and the agent models' fallbacks. Logs what the endpoints report.
 */
final class ModelMetrics extends LoggingEndpointObserver implements CallAccounting {

    private final MeterRegistry meters;

    ModelMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void record(CallRecord record) {
        String model = record.endpoint();
        String role = record.role();
        meters.counter(
                        "penguin.model.cache",
                        "model",
                        model,
                        "role",
                        role,
                        "result",
                        record.result().cached() ? "hit" : "miss")
                .increment();
        if (record.result().cached()) {
            return;
        }
        meters.counter("penguin.model.tokens", "model", model, "role", role, "kind", "prompt")
                .increment(record.result().promptTokens());
        meters.counter("penguin.model.tokens", "model", model, "role", role, "kind", "completion")
                .increment(record.result().completionTokens());
        meters.counter("penguin.model.cost", "model", model, "role", role)
                .increment(record.cost().doubleValue());
        Timer.builder("penguin.model.endpoint.calls")
                .tags("model", model, "role", role)
                .register(meters)
                .record(Duration.ofMillis(record.result().latencyMillis()));
    }

    @Override
    public void attemptFailed(String endpoint, int attempt, String reason) {
        super.attemptFailed(endpoint, attempt, reason);
        meters.counter("penguin.model.attempts.failed", "model", endpoint, "reason", reason)
                .increment();
    }

    @Override
    public void callFinished(String endpoint, boolean success, long latencyMillis, int attempts) {
        if (!success) {
            meters.counter("penguin.model.calls.failed", "model", endpoint).increment();
        }
    }

    void watch(ModelRegistry registry) {
        for (ModelEndpoint endpoint : registry.endpoints()) {
            Gauge.builder("penguin.model.concurrency.limit", endpoint, ModelEndpoint::concurrencyLimit)
                    .tag("model", endpoint.name())
                    .register(meters);
            Gauge.builder("penguin.model.circuit.open", endpoint, e -> "CLOSED".equals(e.circuitState()) ? 0 : 1)
                    .tag("model", endpoint.name())
                    .register(meters);
            JudgeModel judge = registry.judge(endpoint.name());
            if (judge instanceof LlmJudgeModel llm) {
                FunctionCounter.builder("penguin.judge.replies", llm, LlmJudgeModel::replies)
                        .tag("model", endpoint.name())
                        .register(meters);
                FunctionCounter.builder("penguin.judge.parse.failures", llm, LlmJudgeModel::parseFailures)
                        .tag("model", endpoint.name())
                        .register(meters);
                FunctionCounter.builder("penguin.judge.failed", llm, LlmJudgeModel::failedJudgements)
                        .tag("model", endpoint.name())
                        .register(meters);
            }
            if (registry.agentModel(endpoint.name()) instanceof LlmAgentModel agent) {
                FunctionCounter.builder("penguin.agent.policy.replies", agent, LlmAgentModel::replies)
                        .tag("model", endpoint.name())
                        .register(meters);
                FunctionCounter.builder("penguin.agent.policy.invalid.replies", agent, LlmAgentModel::invalidReplies)
                        .tag("model", endpoint.name())
                        .register(meters);
                FunctionCounter.builder("penguin.agent.model.fallbacks", agent, LlmAgentModel::choiceFallbacks)
                        .tags("model", endpoint.name(), "decision", "choice")
                        .register(meters);
                FunctionCounter.builder("penguin.agent.model.fallbacks", agent, LlmAgentModel::sufficiencyFallbacks)
                        .tags("model", endpoint.name(), "decision", "sufficiency")
                        .register(meters);
                FunctionCounter.builder(
                                "penguin.agent.policy.endpoint.failures", agent, LlmAgentModel::endpointFailures)
                        .tag("model", endpoint.name())
                        .register(meters);
            }
        }
    }
}
