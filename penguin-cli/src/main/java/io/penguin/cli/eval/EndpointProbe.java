package io.penguin.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks an OpenAI-compatible endpoint before anything is started, with {@code GET {base}/models}.
 *
 * <p>Why the model list and not a tiny chat call: it costs no tokens and no money, answers in milliseconds even
 * where a chat call would first load the model (Ollama) or queue behind a batch (vLLM), and still proves what a bad
 * setting breaks: the address answers (a refused connection, an unknown host or a wrong port fail here), the path is
 * an OpenAI API root ({@code /v1} forgotten gives 404), and the key is accepted (401/403). OpenAI, vLLM, Ollama,
 * llama.cpp server and LM Studio all serve it. When the list names models and not this one, the probe says so, since
 * a typo in the model id would otherwise fail every work item of the run.
 */
public final class EndpointProbe {

    /** What the probe found. */
    public record Result(boolean usable, String message) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public EndpointProbe(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Probes one endpoint.
     *
     * @param role what the endpoint is for, named in the message ({@code target}, {@code judge})
     * @param apiKey the key to send as a bearer token, if any; never part of a message
     */
    public Result probe(String role, String baseUrl, String model, Optional<String> apiKey) {
        URI uri;
        try {
            uri = URI.create(baseUrl.endsWith("/") ? baseUrl + "models" : baseUrl + "/models");
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                return new Result(false, "the " + role + " base URL " + baseUrl + " is not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            return new Result(false, "the " + role + " base URL " + baseUrl + " is not a URL: " + e.getMessage());
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).GET();
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            // The JDK client reports an unresolvable host as a ConnectException too; only its cause tells them apart.
            return new Result(
                    false,
                    "cannot reach the " + role + " endpoint at " + baseUrl + ": "
                            + (unknownHost(e) ? "unknown host " + uri.getHost() : "connection refused"));
        } catch (HttpConnectTimeoutException e) {
            return new Result(
                    false,
                    "cannot reach the " + role + " endpoint at " + baseUrl + ": no connection within "
                            + timeout.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return new Result(
                    false,
                    "the " + role + " endpoint at " + baseUrl + " did not answer GET " + uri + " within "
                            + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Result(false, "cannot reach the " + role + " endpoint at " + baseUrl + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted while probing " + baseUrl);
        }
        return judge(role, baseUrl, model, uri, response.statusCode(), response.body());
    }

    static Result judge(String role, String baseUrl, String model, URI uri, int status, String body) {
        if (status == 401 || status == 403) {
            return new Result(
                    false,
                    "the " + role + " endpoint at " + baseUrl + " refused the API key (" + status + " on GET " + uri
                            + "); check --api-key-env");
        }
        if (status == 404) {
            return new Result(
                    false,
                    "the " + role + " endpoint at " + baseUrl + " has no GET " + uri + " (404): is " + baseUrl
                            + " the API root, ending in /v1?");
        }
        if (status >= 400) {
            return new Result(
                    false, "the " + role + " endpoint at " + baseUrl + " answered " + status + " on GET " + uri);
        }
        Optional<java.util.List<String>> listed = listedModels(body);
        if (listed.isEmpty()) {
            return new Result(
                    false,
                    "the " + role + " endpoint at " + baseUrl + " answered GET " + uri
                            + " with something other than an OpenAI model list: is it an OpenAI-compatible API root?");
        }
        if (!listed.get().isEmpty() && !lists(listed.get(), model)) {
            return new Result(
                    false,
                    "the " + role + " endpoint at " + baseUrl + " does not list the model '" + model + "' ("
                            + listed.get().size() + " models listed, e.g. "
                            + String.join(
                                    ", ",
                                    listed.get()
                                            .subList(0, Math.min(5, listed.get().size()))) + ")");
        }
        return new Result(
                true,
                "the " + role + " endpoint at " + baseUrl + " answers"
                        + (listed.get().isEmpty() ? " (it lists no models)" : " and lists '" + model + "'"));
    }

    /** Whether the list holds the model; Ollama lists {@code llama3.1:latest} and serves it as {@code llama3.1} too. */
    private static boolean lists(java.util.List<String> listed, String model) {
        return listed.contains(model) || (!model.contains(":") && listed.contains(model + ":latest"));
    }

    /** The ids of {@code {"data":[{"id":...}]}}; empty when the body is no such list. */
    private static Optional<java.util.List<String>> listedModels(String body) {
        try {
            JsonNode data = JSON.readTree(body).path("data");
            if (!data.isArray()) {
                return Optional.empty();
            }
            java.util.List<String> ids = new java.util.ArrayList<>();
            data.forEach(entry -> {
                if (entry.hasNonNull("id")) {
                    ids.add(entry.get("id").asText());
                }
            });
            return Optional.of(ids);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean unknownHost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.channels.UnresolvedAddressException
                    || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        if (unknownHost(e)) {
            return "unknown host";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
    }
}
