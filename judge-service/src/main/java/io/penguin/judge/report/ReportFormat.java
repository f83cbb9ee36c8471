package io.penguin.judge.report;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The formats a report is served in, chosen by {@code ?format=} or else by the Accept header. */
public enum ReportFormat {
    JSON(MediaType.APPLICATION_JSON),
    CSV("text/csv; charset=utf-8"),
    HTML("text/html; charset=utf-8"),
    TEXT("text/plain; charset=utf-8");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** {@code format} wins; then the first of html, csv, text that Accept names; JSON otherwise. */
    public static ReportFormat choose(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                case "html" -> HTML;
                case "text", "table" -> TEXT;
                default ->
                    throw new IllegalArgumentException(
                            "unknown report format '" + format + "'; expected json, csv, html or text");
            };
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        for (MediaType type : accepted) {
            if (type.isWildcardType()) {
                return JSON;
            }
            String name = type.getType() + "/" + type.getSubtype();
            switch (name) {
                case "application/json":
                    return JSON;
                case "text/html":
                    return HTML;
                case "text/csv":
                    return CSV;
                case "text/plain":
                    return TEXT;
                default:
                    break;
            }
        }
        return JSON;
    }
}
