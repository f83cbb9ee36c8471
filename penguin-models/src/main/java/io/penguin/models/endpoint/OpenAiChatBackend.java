package io.penguin.models.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The OpenAI-compatible provider, on langchain4j's {@link OpenAiChatModel} (one per endpoint) with its own retries
 * and logging switched off: the model layer retries, and request logs would carry profiles and the key.
 */
public final class OpenAiChatBackend implements ChatBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EndpointSettings settings;
    private final OpenAiChatModel model;
    private final Map<ChatCall.Sampling, OpenAiChatModel> sampled = new ConcurrentHashMap<>();
    private final boolean jsonSchemaSupported;
    private final RetryAfterHttpClient streaming;

    public OpenAiChatBackend(EndpointSettings settings) {
        this.settings = settings;
        this.model = build(settings, settings.temperature(), settings.seed());
        this.jsonSchemaSupported = settings.jsonSchemaSupported();
        this.streaming = (RetryAfterHttpClient)
                new RetryAfterHttpClient.Builder(settings.apiKey().reveal())
                        .readTimeout(settings.timeout())
                        .build();
    }

    /** The client for a call: the endpoint's own, or one with the call's sampling (built once per sampling). */
    private OpenAiChatModel model(ChatCall call) {
        if (call.sampling() == null) {
            return model;
        }
        return sampled.computeIfAbsent(
                call.sampling(), sampling -> build(settings, sampling.temperature(), sampling.seed()));
    }

    private static OpenAiChatModel build(EndpointSettings settings, Double temperature, Integer seed) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .httpClientBuilder(
                        new RetryAfterHttpClient.Builder(settings.apiKey().reveal()))
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey().reveal())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .temperature(temperature)
                .maxTokens(settings.maxTokens())
                .seed(seed);
        if (settings.jsonSchemaSupported()) {
            builder.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .strictJsonSchema(true);
        }
        return builder.build();
    }

    @Override
    public ChatResult attempt(ChatCall call) {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages(call));
        if (call.output() != null) {
            request.responseFormat(
                    jsonSchemaSupported
                            ? ResponseFormat.builder()
                                    .type(ResponseFormatType.JSON)
                                    .jsonSchema(schema(call.output()))
                                    .build()
                            : ResponseFormat.JSON);
        }
        long started = System.nanoTime();
        ChatResponse response = model(call).chat(request.build());
        long millis = (System.nanoTime() - started) / 1_000_000;
        AiMessage message = response.aiMessage();
        String text = message == null ? null : message.text();
        if (text == null) {
            throw new MalformedReplyException("the reply has no assistant text");
        }
        TokenUsage usage = response.tokenUsage();
        int prompt = usage != null && usage.inputTokenCount() != null
                ? usage.inputTokenCount()
                : call.estimatedPromptTokens();
        int completion = usage != null && usage.outputTokenCount() != null
                ? usage.outputTokenCount()
                : Math.max(1, text.length() / 4);
        return new ChatResult(text, prompt, completion, millis, 1, false);
    }

    /**
     * {@code "stream": true} with {@code stream_options.include_usage}, read by {@link ChatStreamReader}. langchain4j
     * builds the complete calls; its streaming model answers on its own threads through callbacks, so the streamed
     * request is written here, with the same model, sampling and token limit as a complete call's.
     */
    @Override
    public ChatResult stream(ChatCall call, Consumer<String> deltas) {
        if (call.output() != null) {
            throw new IllegalArgumentException("a structured call cannot be streamed");
        }
        HttpRequest.Builder request = HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(chatCompletionsUrl(settings.baseUrl()))
                .addHeader("Content-Type", "application/json")
                .addHeader("Accept", "text/event-stream")
                .body(streamBody(call));
        String key = settings.apiKey().reveal();
        if (key != null && !key.isBlank()) {
            request.addHeader("Authorization", "Bearer " + key);
        }
        ChatStreamReader reader = new ChatStreamReader(deltas);
        long started = System.nanoTime();
        streaming.execute(request.build(), new DefaultServerSentEventParser(), reader);
        return reader.result(call.estimatedPromptTokens(), (System.nanoTime() - started) / 1_000_000);
    }

    static String chatCompletionsUrl(String baseUrl) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/chat/completions";
    }

    private String streamBody(ChatCall call) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        ArrayNode messages = body.putArray("messages");
        for (ChatCall.Message message : call.messages()) {
            messages.addObject()
                    .put("role", message.role().name().toLowerCase(Locale.ROOT))
                    .put("content", message.content());
        }
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        Double temperature = call.sampling() != null ? call.sampling().temperature() : settings.temperature();
        Integer seed = call.sampling() != null ? call.sampling().seed() : settings.seed();
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        if (seed != null) {
            body.put("seed", seed);
        }
        if (settings.maxTokens() != null) {
            body.put("max_tokens", settings.maxTokens());
        }
        return body.toString();
    }

    private static List<ChatMessage> messages(ChatCall call) {
        List<ChatMessage> messages = new ArrayList<>();
        for (ChatCall.Message message : call.messages()) {
            messages.add(
                    switch (message.role()) {
                        case SYSTEM -> SystemMessage.from(message.content());
                        case USER -> UserMessage.from(message.content());
                        case ASSISTANT -> AiMessage.from(message.content());
                    });
        }
        return messages;
    }

    private static JsonSchema schema(StructuredOutput output) {
        JsonObjectSchema.Builder root = JsonObjectSchema.builder().additionalProperties(false);
        List<String> required = new ArrayList<>();
        for (StructuredOutput.Field field : output.fields()) {
            root.addProperty(
                    field.name(),
                    field.integer()
                            ? JsonIntegerSchema.builder()
                                    .description(field.description())
                                    .build()
                            : !field.choices().isEmpty()
                                    ? JsonEnumSchema.builder()
                                            .description(field.description())
                                            .enumValues(field.choices())
                                            .build()
                                    : JsonStringSchema.builder()
                                            .description(field.description())
                                            .build());
            required.add(field.name());
        }
        root.required(required);
        return JsonSchema.builder()
                .name(output.name())
                .rootElement(root.build())
                .build();
    }
}
