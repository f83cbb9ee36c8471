package io.penguin.cli.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which part of the catalog an export reads, shared by {@code export} and {@code record --catalog}. */
public class CatalogSelection {

    @Option(names = "--domain", description = "Only these domains (repeatable).")
    List<String> domains = List.of();

    @Option(names = "--issue", description = "Only these issues (repeatable).")
    List<String> issues = List.of();

    @Option(names = "--split", description = "Only train or test.")
    String split;

    @Option(names = "--source", description = "Only builtin, generated or imported.")
    String source;

    /** The query of {@code GET /catalog/exports} for this selection in a format. */
    public Map<String, List<String>> exportQuery(String format) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("format", List.of(format));
        query.put("domain", domains);
        query.put("issue", issues);
        if (split != null) {
            query.put("split", List.of(split));
        }
        if (source != null) {
            query.put("source", List.of(source));
        }
        return query;
    }
}
