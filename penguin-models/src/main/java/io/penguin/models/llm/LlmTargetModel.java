package io.penguin.models.llm;

import io.penguin.contracts.ModelUsage;
import io.penguin.models.AnswerRequest;
import io.penguin.models.ModelReply;
import io.penguin.models.TargetModel;
import io.penguin.models.endpoint.ChatCall;
import io.penguin.models.endpoint.ChatResult;

/**
 * A target model on an endpoint: the system message carries only the attributes the condition lets it see (none
 * for context-free), the user message is the query.
 */
public final class LlmTargetModel implements TargetModel {

    static final String SYSTEM = "You are a helpful assistant. Answer the user's question.";

    private final ModelCalls calls;

    public LlmTargetModel(ModelCalls calls) {
        this.calls = calls;
    }

    @Override
    public String name() {
        return calls.endpoint().name();
    }

    @Override
    public boolean reference() {
        return false;
    }

    @Override
    public ModelReply answer(AnswerRequest request) {
        ChatCall call = ChatCall.of(system(request), request.query());
        ChatResult result = calls.chat("target", call);
        return new ModelReply(
                result.text(),
                new ModelUsage(
                        name(),
                        calls.endpoint().settings().provider(),
                        result.latencyMillis(),
                        result.promptTokens(),
                        result.completionTokens(),
                        calls.usageCost(result)));
    }

    static String system(AnswerRequest request) {
        if (request.knownAttributes().isEmpty()) {
            return SYSTEM;
        }
        return SYSTEM + "\n\nWhat you know about the user:\n" + Prompts.attributeLines(request.knownAttributes());
    }
}
