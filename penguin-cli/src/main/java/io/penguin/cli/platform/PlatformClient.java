package io.penguin.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to the services; an error status becomes an exception carrying the problem's detail. */
public final class PlatformClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public JsonNode get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    /** The body as text, e.g. a report rendered as CSV or HTML. */
    public String getText(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                JsonNode problem = mapper.readTree(response.body());
                throw new PlatformException(
                        response.statusCode(),
                        "GET " + uri + " failed with " + response.statusCode() + ": "
                                + problem.path("detail").asText(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public JsonNode post(URI uri, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                    .build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode request to " + uri, e);
        }
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? mapper.nullNode() : mapper.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new PlatformException(
                        response.statusCode(),
                        request.method() + " " + request.uri() + " failed with " + response.statusCode() + ": "
                                + body.path("detail").asText(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An error answer from a service. */
    public static final class PlatformException extends RuntimeException {

        private final int status;

        PlatformException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
