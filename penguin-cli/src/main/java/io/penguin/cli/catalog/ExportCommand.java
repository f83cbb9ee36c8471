package io.penguin.cli.catalog;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code penguin export}: streams the catalog (or part of it) to a file. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export the catalog of a running scenario-service to a file. The file holds profiles: keep it"
                + " where sensitive data belongs.")
public class ExportCommand implements Callable<Integer> {

    @Mixin
    CatalogOptions service;

    @Option(names = "--format", required = true, description = "profiles, queries or jsonl.")
    String format;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "The file to write.")
    Path output;

    @Mixin
    CatalogSelection selection;

    @Override
    public Integer call() throws Exception {
        Map<String, List<String>> query = selection.exportQuery(format);
        Path partial = output.resolveSibling(output.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            service.client().download("catalog/exports", query, out);
        } catch (RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("Exported to %s (%d bytes)%n", output, Files.size(output));
        return 0;
    }
}
