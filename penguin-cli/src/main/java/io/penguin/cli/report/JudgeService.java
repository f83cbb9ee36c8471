package io.penguin.cli.report;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/** The judge-service a reading command talks to: one {@code --url} option for report, samples and compare. */
public class JudgeService {

    @Option(
            names = "--url",
            defaultValue = "${env:PENGUIN_JUDGE_URL:-http://localhost:8083}",
            description = "The judge-service (default: $PENGUIN_JUDGE_URL or ${DEFAULT-VALUE}).")
    URI url;

    /** The address of {@code path} (relative, query included) on the judge-service. */
    public URI resolve(String path) {
        String base = url.toString().endsWith("/") ? url.toString() : url + "/";
        return URI.create(base + path);
    }

    /** A path segment or query value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
