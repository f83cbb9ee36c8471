package io.penguin.models.endpoint;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * langchain4j's HTTP transport on the JDK client, keeping what its own JDK transport drops: the {@code Retry-After}
 * header of a 429 or 503 (see {@link EndpointHttpException}). Request building and response parsing stay
 * langchain4j's for complete replies; a streamed reply's events go to a listener on the calling thread.
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
        HttpResponse<String> response;
        try {
            response = client.send(jdkRequest(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the endpoint", e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new EndpointHttpException(status, redact(response.body()), retryAfter(response));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
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
        return builder.build();
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(RetryAfterHttpClient::parseRetryAfter)
                .orElse(null);
    }

    /** Some endpoints echo the key in error bodies; error messages may be logged. */
    private String redact(String body) {
        return body == null || secret == null || secret.length() < 4 ? body : body.replace(secret, "***");
    }

    /**
     * A streamed call, on the calling thread: the events go to the listener as the parser reads them; a non-2xx status
     * goes to {@code onError} as {@link EndpointHttpException} with its {@code Retry-After}. The read timeout bounds
     * the whole stream, not only its headers: when it runs out, the listener gets an {@link HttpTimeoutException} and
     * the body is closed, which ends the parser's read.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpResponse<InputStream> response;
        try {
            response = client.send(jdkRequest(request), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            listener.onError(new UncheckedIOException(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.onError(new IllegalStateException("interrupted while waiting for the endpoint", e));
            return;
        }
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status < 200 || status >= 300) {
                String text = new String(body.readNBytes(16_384), StandardCharsets.UTF_8);
                listener.onError(new EndpointHttpException(status, redact(text), retryAfter(response)));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(response.headers().map())
                    .build());
            AtomicBoolean over = new AtomicBoolean();
            CompletableFuture.delayedExecutor(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> {
                        if (over.compareAndSet(false, true)) {
                            listener.onError(new UncheckedIOException(
                                    new HttpTimeoutException("the stream did not end within " + readTimeout)));
                            closeQuietly(body);
                        }
                    });
            parser.parse(body, listener);
            over.set(true);
            listener.onClose();
        } catch (IOException e) {
            listener.onError(new UncheckedIOException(e));
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the stream is abandoned either way
        }
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
