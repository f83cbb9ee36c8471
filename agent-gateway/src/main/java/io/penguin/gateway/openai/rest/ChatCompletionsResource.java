package io.penguin.gateway.openai.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.agent.dialogue.DialogueException;
import io.penguin.agent.retrieval.RetrievalUnavailableException;
import io.penguin.gateway.config.GatewayConfig;
import io.penguin.gateway.openai.service.AgentReply;
import io.penguin.gateway.openai.service.ChatCompletions;
import io.penguin.gateway.openai.service.ChatRequest;
import io.penguin.gateway.openai.service.InvalidChatRequestException;
import io.penguin.gateway.openai.service.StreamedTurn;
import io.penguin.gateway.sessions.service.ClientKeys;
import io.penguin.gateway.sessions.service.ClientLimits;
import io.quarkus.logging.Log;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The RAISE agent behind OpenAI's chat completions API (docs/openai-endpoint.md): any OpenAI SDK pointed at
 * {@code http://<gateway>/v1} talks to it. The same client keys and per-client limits as the WebSocket protocol;
 * every refusal in OpenAI's error shape, so SDKs raise their typed errors.
 */
@Path("/v1")
public class ChatCompletionsResource {

    /** A client with all its session slots in use retries after this. */
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    /** A gateway whose retrieval failed is asked again after this (a restart, or another replica, may serve). */
    static final Duration RETRIEVAL_RETRY_AFTER = Duration.ofSeconds(30);

    private final ClientKeys keys;
    private final ClientLimits limits;
    private final ChatCompletions completions;
    private final ObjectMapper json;
    private final int deltaChars;

    public ChatCompletionsResource(
            ClientKeys keys,
            ClientLimits limits,
            ChatCompletions completions,
            ObjectMapper json,
            GatewayConfig config) {
        this.keys = keys;
        this.limits = limits;
        this.completions = completions;
        this.json = json;
        this.deltaChars = config.openai().streamDeltaChars();
    }

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.WILDCARD)
    public Response complete(
            @HeaderParam("Authorization") String authorization, @Context RoutingContext http, String body) {
        Optional<String> client = keys.authenticate(authorization, List.of());
        if (client.isEmpty()) {
            return OpenAiErrors.unauthorized();
        }
        Optional<Response> refused = admit(client.get());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!limits.takeSlot(client.get())) {
            return OpenAiErrors.rateLimited(
                    "this client has its maximum of sessions and requests in progress"
                            + " (penguin.gateway.limits.max-sessions-per-client)",
                    BUSY_RETRY_AFTER);
        }
        boolean slotHandedOver = false;
        try {
            ChatRequest request = completions.parse(body);
            String id = "chatcmpl-" + UUID.randomUUID();
            long created = System.currentTimeMillis() / 1000;
            if (request.stream()) {
                StreamedTurn turn = completions.stream(request);
                StreamedTurn.Event first = turn.next();
                if (first instanceof StreamedTurn.Failed failed) {
                    throw rethrown(failed.error());
                }
                Runnable release = releaseOnce(client.get());
                slotHandedOver = true;
                // The writer gives the slot back when the stream is over; a client that left before the response began
                // gets no writer at all, so the exchange's end (or a connection already gone) gives it back then.
                http.addEndHandler(ended -> release.run());
                if (http.response().closed() || http.response().ended()) {
                    release.run();
                }
                return Response.ok((StreamingOutput) out -> {
                            try {
                                CompletionStream.write(
                                        out,
                                        json,
                                        id,
                                        created,
                                        request.model(),
                                        request.includeUsage(),
                                        deltaChars,
                                        first,
                                        turn);
                            } finally {
                                release.run();
                            }
                        })
                        .type("text/event-stream")
                        .header("Cache-Control", "no-cache")
                        .build();
            }
            AgentReply reply = completions.complete(request);
            return Response.ok(new OpenAiWire.ChatCompletion(
                            id,
                            created,
                            reply.model(),
                            reply.content(),
                            OpenAiWire.Usage.of(reply.promptTokens(), reply.completionTokens()),
                            OpenAiWire.PenguinTurn.of(reply.turn())))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        } catch (InvalidChatRequestException e) {
            return OpenAiErrors.invalid(e);
        } catch (DialogueException | IllegalArgumentException e) {
            return OpenAiErrors.invalid(new InvalidChatRequestException("messages", "invalid_value", e.getMessage()));
        } catch (RetrievalUnavailableException e) {
            Log.errorf(e, "chat completion for client %s: retrieval unavailable", client.get());
            return OpenAiErrors.unavailable(
                    e.getMessage() + "; retry later", "retrieval_unavailable", RETRIEVAL_RETRY_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OpenAiErrors.internal();
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a library that failed to load (e.g. the embedder's native tokenizer) is still our fault to
            // report in OpenAI's shape, not an empty 500 from the framework.
            Log.errorf(e, "chat completion for client %s failed", client.get());
            return OpenAiErrors.internal();
        } finally {
            if (!slotHandedOver) {
                limits.releaseSlot(client.get());
            }
        }
    }

    /** Gives the client's slot back the first time it runs; later runs do nothing. */
    private Runnable releaseOnce(String client) {
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                limits.releaseSlot(client);
            }
        };
    }

    /** A streamed turn's failure, thrown again where the request's errors are answered. */
    private static RuntimeException rethrown(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new IllegalStateException("the turn failed", error);
    }

    /** The gateway's target models: what a request's {@code model} may name. */
    @GET
    @Path("/models")
    public Response models(@HeaderParam("Authorization") String authorization) {
        Optional<String> client = keys.authenticate(authorization, List.of());
        if (client.isEmpty()) {
            return OpenAiErrors.unauthorized();
        }
        Optional<Response> refused = admit(client.get());
        if (refused.isPresent()) {
            return refused.get();
        }
        return Response.ok(new OpenAiWire.ModelList(completions.targetModels().stream()
                        .map(OpenAiWire.ModelCard::new)
                        .toList()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    private Optional<Response> admit(String client) {
        return limits.admitMessage(client)
                .map(wait -> OpenAiErrors.rateLimited(
                        "this client sent more requests this minute than it may"
                                + " (penguin.gateway.limits.client-messages-per-minute)",
                        wait));
    }
}
