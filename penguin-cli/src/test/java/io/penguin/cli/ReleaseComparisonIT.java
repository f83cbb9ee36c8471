package io.penguin.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.cli.platform.Platform;
import io.penguin.cli.platform.ServiceSpec;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Domain;
import io.penguin.core.Scenario;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A model release checked the way a release pipeline would: the released model and a candidate made worse on one
 * domain by construction (the same fake, answering that domain's queries carelessly), each run over the built-in
 * scenarios through the packaged services and judged by an LLM judge on the same role-aware fake over HTTP; {@code penguin compare} finds the regression in that domain and nowhere
 * else, lists the regressed scenarios with their transcripts' links, and its gate fails with JUnit XML, while the
 * reverse comparison passes.
 */
class ReleaseComparisonIT {

    private static final Pattern RUN_ID = Pattern.compile("Run (\\S+): \\d+ work items");

    private final Platform platform = SharedPlatform.get();

    @Test
    void aCandidateWorseOnOneDomainFailsTheRegressionGateThereAndItsRegressionsLinkToTheirTranscripts()
            throws IOException {
        Domain worse = BuiltinScenarios.all().get(0).domain();
        Set<String> worseIds = BuiltinScenarios.all().stream()
                .filter(scenario -> scenario.domain() == worse)
                .map(Scenario::id)
                .collect(Collectors.toSet());
        SharedPlatform.releases()
                .regress(BuiltinScenarios.all().stream()
                        .filter(scenario -> scenario.domain() == worse)
                        .map(Scenario::query)
                        .collect(Collectors.toSet()));
        String judge = platform.url(ServiceSpec.JUDGE).toString();

        String released = run(SharedPlatform.RELEASED_MODEL);
        String candidate = run(SharedPlatform.CANDIDATE_MODEL);

        Cli.Result table = Cli.penguin("compare", released, candidate, "--limit", "100", "--url", judge);
        assertThat(table.exitCode()).as(table.output()).isZero();
        assertThat(table.output())
                .contains("Run " + candidate + " against " + released)
                .contains(SharedPlatform.RELEASED_MODEL + " -> " + SharedPlatform.CANDIDATE_MODEL)
                .contains("Scenarios that dropped by 1.00 points or more");

        JsonPath paired = given().baseUri(judge)
                .get("/reports/compare/paired?base={a}&candidate={b}", released, candidate)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(paired.getList("regressions.domain", String.class))
                .as("only the domain made worse regressed")
                .isNotEmpty()
                .containsOnly(worse.label());
        assertThat(paired.getList("regressions.scenarioId", String.class)).allMatch(worseIds::contains);
        assertThat(paired.getList(
                        "cells.findAll { it.domain != '" + worse.label() + "' && it.domain != 'All' }.difference.mean",
                        Float.class))
                .as("every other domain answered the same, so scored the same")
                .isNotEmpty()
                .containsOnly(0.0f);
        assertThat(paired.getInt("onlyInBase")).isZero();

        // A regression's link is the candidate's transcript of that scenario: the careless answer, to its owner.
        String link = paired.getString("regressions[0].candidateSample");
        String scenarioId = paired.getString("regressions[0].scenarioId");
        assertThat(link).startsWith("/explorer/#run=" + candidate + "&scenario=" + scenarioId);
        assertThat(given().baseUri(judge)
                        .get("/runs/{id}/samples/{scenario}", candidate, scenarioId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("response", String.class))
                .contains(ReleaseResponder.CARELESS);

        Path junit = SharedPlatform.home().resolve("penguin-cli/target/release-comparison-it/regression-gate.xml");
        Cli.Result gate = Cli.penguin(
                "compare",
                released,
                candidate,
                "--fail-on-regression",
                "0.2",
                "--gate-by",
                "domain",
                "--junit-xml",
                junit.toString(),
                "--url",
                judge);
        assertThat(gate.exitCode()).as(gate.output()).isEqualTo(3);
        List<String> failed = gate.output()
                .lines()
                .filter(line -> line.trim().startsWith("FAIL"))
                .toList();
        assertThat(failed).isNotEmpty().allMatch(line -> line.contains(" " + worse.label() + " "));
        assertThat(gate.output()).contains("GATE FAILED: " + failed.size() + " of ");
        String xml = Files.readString(junit);
        assertThat(xml).contains("failures=\"" + failed.size() + "\"").contains("/ " + worse.label() + "\">");

        Cli.Result reverse = Cli.penguin(
                "compare", candidate, released, "--fail-on-regression", "0.2", "--gate-by", "domain", "--url", judge);
        assertThat(reverse.exitCode()).as(reverse.output()).isZero();
        assertThat(reverse.output())
                .contains("No scenario dropped by 1.00 points or more")
                .contains("GATE PASSED");

        Cli.Result unknown = Cli.penguin("compare", released, "no-such-run", "--url", judge);
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.output()).contains("no judgements for run 'no-such-run'");
    }

    /** A run of the built-in scenarios under context-free and context-rich, followed to its end. */
    private String run(String model) {
        Cli.Result result = Cli.penguin(
                "run",
                "--model",
                model,
                "--judge",
                SharedPlatform.RELEASE_JUDGE,
                "--condition",
                "context-free",
                "--condition",
                "context-rich",
                "--source",
                "builtin",
                "--url",
                platform.url(ServiceSpec.SCENARIO).toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        Matcher id = RUN_ID.matcher(result.output());
        assertThat(id.find()).as(result.output()).isTrue();
        return id.group(1);
    }
}
