package io.penguin.models.endpoint;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * langchain4j's HTTP transport on the JDK client, keeping what its own JDK transport drops: the {@code Retry-After}
 * header of a 429 or 503 (see {@link EndpointHttpException}). Request building and response parsing stay
 * langchain4j's. Only blocking calls: the model layer does not stream.
 */
final class RetryAfterHttpClient implements HttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;

    private final String secret;

    private RetryAfterHttpClient(java.net.http.HttpClient client, Duration readTimeout, String secret) {
        this.client = client;
        this.readTimeout = readTimeout;
        this.secret = secret;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout)
                .method(
                        request.method().name(),
                        request.body() == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the endpoint", e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            Duration retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .map(RetryAfterHttpClient::parseRetryAfter)
                    .orElse(null);
            throw new EndpointHttpException(status, redact(response.body()), retryAfter);
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    /** Some endpoints echo the key in error bodies; error messages may be logged. */
    private String redact(String body) {
        return body == null || secret == null || secret.length() < 4 ? body : body.replace(secret, "***");
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("the model layer does not stream");
    }

    /** {@code Retry-After} is either delay-seconds or an HTTP date (RFC 9110); garbage counts as absent. */
    static Duration parseRetryAfter(String value) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** The builder langchain4j asks for; one JDK client per endpoint, shared by its calls. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private final String secret;

        Builder(String secret) {
            this.secret = secret;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .build();
            return new RetryAfterHttpClient(client, readTimeout, secret);
        }
    }
}
