package io.penguin.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body over {@code quarkus.http.limits.max-body-size} gets a 413 problem, not the empty 413 that Quarkus and
 * RESTEasy write themselves. A declared {@code Content-Length} over the limit is refused by a route that runs just
 * before Quarkus's own check (which sits at order -2); routes that take larger bodies on purpose (the catalog import,
 * order -10) run before this one and never reach it. A body without a length (chunked) is read here, up to the limit,
 * and handed to RESTEasy whole, so RESTEasy's own limit, which answers with an empty body, is never reached.
 */
@Singleton
public class RequestBodyLimit {

    /** Just before Quarkus's body-size check (-2), after routes that stream large bodies themselves (-10). */
    static final int ORDER = -5;

    private final long maxBytes;
    private final ObjectMapper json;

    public RequestBodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            ObjectMapper json) {
        this.maxBytes = maxBody.asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::declaredLength);
    }

    private void declaredLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > maxBytes) {
            HttpServerResponse response = context.response();
            // The client may still be sending the body: closing the connection is the only way not to read it.
            response.putHeader("Connection", "close");
            response.endHandler(ignored -> context.request().connection().close());
            response.setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(encode(tooLarge(context.request().path())));
            return;
        }
        context.next();
    }

    /** A body without a declared length, read up to the limit before RESTEasy reads it. */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> chunkedBody(ContainerRequestContext request, HttpServerRequest http) {
        if (http.getHeader("Content-Length") != null || http.getHeader("Transfer-Encoding") == null || http.isEnded()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            boolean[] refused = {false};
            http.handler(chunk -> {
                if (refused[0]) {
                    return;
                }
                if (body.length() + (long) chunk.length() > maxBytes) {
                    refused[0] = true;
                    emitter.complete(Response.status(413)
                            .header("Connection", "close")
                            .type(Problem.MEDIA_TYPE)
                            .entity(tooLarge(http.path()))
                            .build());
                    return;
                }
                body.appendBuffer(chunk);
            });
            http.exceptionHandler(emitter::fail);
            http.endHandler(ignored -> {
                if (!refused[0]) {
                    request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                    emitter.complete(null);
                }
            });
            http.resume();
        });
    }

    private Problem tooLarge(String path) {
        return new Problem(
                "https://penguin.io/problems/payload-too-large",
                "Payload too large",
                413,
                "the request body is larger than quarkus.http.limits.max-body-size (" + maxBytes + " bytes)",
                path);
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }
}
