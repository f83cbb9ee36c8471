package io.penguin.cli.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The catalog's HTTP API, streaming files both ways so a large file never sits in memory. */
public final class CatalogClient {

    private final URI base;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    CatalogClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Status and JSON body of an answer. */
    record Answer(int status, JsonNode body) {}

    Answer upload(String path, Map<String, List<String>> query, Path file) throws IOException {
        return json(request(path, query)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build());
    }

    Answer post(String path, Object body) throws IOException {
        return json(request(path, Map.of())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                .build());
    }

    Answer get(String path) throws IOException {
        return json(request(path, Map.of()).GET().build());
    }

    /** Copies a successful answer's body to {@code out}; an error answer becomes an exception with its detail. */
    void download(String path, Map<String, List<String>> query, OutputStream out) throws IOException {
        try (InputStream body = open(path, query)) {
            body.transferTo(out);
        }
    }

    /** The body of a successful answer as a stream (close it); an error answer becomes an exception with its detail. */
    public InputStream open(String path, Map<String, List<String>> query) throws IOException {
        HttpResponse<InputStream> response =
                send(request(path, query).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw new IllegalStateException(
                        request(path, query).GET().build().uri().getPath() + " failed with "
                                + response.statusCode() + ": "
                                + detail(new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path, Map<String, List<String>> query) {
        String parameters = query.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(path + (parameters.isEmpty() ? "" : "?" + parameters)));
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer json(HttpRequest request) throws IOException {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? mapper.nullNode() : mapper.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (java.net.ConnectException e) {
            throw new IllegalStateException(
                    "cannot reach the scenario-service at " + base
                            + " (start it with './penguin up' and pass its address with --url)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String detail(String body) {
        try {
            return mapper.readTree(body).path("detail").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
