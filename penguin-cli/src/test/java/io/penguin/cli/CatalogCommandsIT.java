package io.penguin.cli;

import static io.penguin.cli.Cli.penguin;
import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.cli.Cli.Result;
import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The catalog commands against the scenario-service running as a process: generate, export, import. */
class CatalogCommandsIT {

    private final Platform platform = SharedPlatform.get();

    @Test
    void generateExportAndImportThroughTheCli() throws Exception {
        String url = platform.url(ServiceSpec.SCENARIO).toString();
        Result generated = penguin(
                "write",
                "--url",
                url,
                "--seed",
                "5",
                "--issue",
                "Panic Attack",
                "--issue",
                "Exam Failure",
                "--profiles-per-issue",
                "2",
                "--queries-per-profile",
                "3");
        assertThat(generated.exitCode()).isZero();
        assertThat(generated.output()).contains("Generated 12 scenarios: 12 stored, 0 already in the catalog");

        Path dir = Files.createDirectories(SharedPlatform.home().resolve("penguin-cli/target/catalog-it"));
        Path file = dir.resolve("exam-failure-queries.json");
        Result exported = penguin(
                "export",
                "--url",
                url,
                "--format",
                "queries",
                "--issue",
                "Exam Failure",
                "--source",
                "generated",
                "-o",
                file.toString());
        assertThat(exported.exitCode()).isZero();
        assertThat(Files.readString(file)).startsWith("[\n    {\n        \"Scenario\": \"Exam Failure\"");

        Result again = penguin("import", "--url", url, "--format", "queries", file.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.output())
                .contains("Imported: 2 records, 0 rejected; 0 scenarios stored, 6 duplicates skipped");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(file).replace("\"Exam Failure\"", "\"Bad Haircut\""));
        Result refused = penguin("import", "--url", url, "--format", "queries", "--dry-run", broken.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output())
                .contains("Dry run: 2 records, 2 rejected")
                .contains("record 1, field 'Scenario': unknown issue 'Bad Haircut': not in the taxonomy");
    }

    @Test
    void generateWithAModelTheServiceDoesNotHaveNamesWhatIsConfigured() {
        Result refused = penguin(
                "write",
                "--url",
                platform.url(ServiceSpec.SCENARIO).toString(),
                "--model",
                "no-such-model",
                "--issue",
                "Panic Attack");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output())
                .contains("400")
                .contains("model: no model endpoint named 'no-such-model' is configured")
                .contains("or 'offline'");
    }
}
