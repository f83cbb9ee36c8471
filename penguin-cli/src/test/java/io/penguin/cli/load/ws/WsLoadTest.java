package io.penguin.cli.load.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.core.Attribute;
import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ws-load client against a scripted stand-in for the gateway (the real gateway's run is {@code WsLoadIT}). */
class WsLoadTest {

    private static final String KEY = "test-key";
    private static final List<Scenario> SCENARIOS = BuiltinScenarios.all();

    private static WsLoad.Settings settings(URI url, String key, boolean asSubprotocol, int users, double decline) {
        return settings(url, key, asSubprotocol, users, decline, 0);
    }

    private static WsLoad.Settings settings(
            URI url, String key, boolean asSubprotocol, int users, double decline, int followUps) {
        return new WsLoad.Settings(
                url,
                key,
                asSubprotocol,
                users,
                2,
                Duration.ofMinutes(1),
                Duration.ZERO,
                Duration.ofSeconds(10),
                decline,
                0,
                null,
                null,
                3,
                null,
                followUps);
    }

    @Test
    void withFollowUpsEachV2SessionSendsFurtherQueriesReadsTheDeltasAndEndsItself() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(KEY)) {
            WsLoadSummary summary = new WsLoad(settings(gateway.url(), KEY, false, 5, 0, 2)).run(SCENARIOS);

            assertThat(summary.failures()).isEmpty();
            assertThat(summary.completed()).isEqualTo(10);
            assertThat(summary.followUps()).isEqualTo(20).isEqualTo(gateway.followUps());
            assertThat(summary.deltas()).isEqualTo(60);
            assertThat(summary.questions()).as("the follow-ups ask nothing").isEqualTo(30);
            assertThat(summary.repeatedQuestions()).isZero();
            assertThat(summary.turn().count())
                    .as("3 questions and 3 responses a session")
                    .isEqualTo(60);
            assertThat(summary.text()).contains("follow-ups: 20 answered");
        }
    }

    @Test
    void fiftyUsersCompleteEverySessionAndAnswerFromTheirProfiles() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(KEY)) {
            WsLoadSummary summary = new WsLoad(settings(gateway.url(), KEY, false, 50, 0.2)).run(SCENARIOS);

            assertThat(summary.started()).isEqualTo(100);
            assertThat(summary.completed()).isEqualTo(100);
            assertThat(summary.failed()).isZero();
            assertThat(summary.failures()).isEmpty();
            assertThat(summary.questions()).isEqualTo(300);
            assertThat(summary.answered() + summary.declined() + summary.skipped())
                    .isEqualTo(300);
            assertThat(summary.declined()).isEqualTo(gateway.declines()).isBetween(30L, 90L);
            assertThat(summary.connect().count()).isEqualTo(100);
            assertThat(summary.turn().count()).isEqualTo(400);
            assertThat(summary.session().count()).isEqualTo(100);
            assertThat(summary.sessionsPerSecond()).isPositive();
            assertThat(gateway.maxOpen()).isGreaterThan(1);
            for (String label : ScriptedGateway.ASKED) {
                Set<String> profileValues = SCENARIOS.stream()
                        .map(scenario -> scenario.profile().get(Attribute.fromLabel(label)))
                        .collect(Collectors.toSet());
                assertThat(gateway.answers().get(label))
                        .isNotEmpty()
                        .allSatisfy(answer -> assertThat(profileValues).contains(answer));
            }
        }
    }

    @Test
    void theKeyMayTravelAsASubprotocolEntry() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(KEY)) {
            WsLoadSummary summary = new WsLoad(settings(gateway.url(), KEY, true, 5, 0)).run(SCENARIOS);

            assertThat(summary.completed()).isEqualTo(10);
            assertThat(summary.declined()).isZero();
        }
    }

    @Test
    void aRefusedUpgradeIsAFailureByItsHttpStatus() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(KEY)) {
            WsLoadSummary summary = new WsLoad(settings(gateway.url(), "wrong-key", false, 4, 0)).run(SCENARIOS);

            assertThat(summary.completed()).isZero();
            assertThat(summary.failures()).containsExactly(java.util.Map.entry("http-401", 8L));
            assertThat(summary.connect().count()).isZero();
        }
    }

    @Test
    void aConnectionClosedBeforeTheResponseIsAFailureWithItsCloseStatus() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(KEY).closingBeforeResponse()) {
            WsLoadSummary summary = new WsLoad(settings(gateway.url(), KEY, false, 3, 0)).run(SCENARIOS);

            assertThat(summary.failed()).isEqualTo(6);
            assertThat(summary.failures()).containsExactly(java.util.Map.entry("closed-early:1011", 6L));
        }
    }

    @Test
    void nothingListeningIsAConnectFailure() {
        WsLoadSummary summary =
                new WsLoad(settings(URI.create("ws://127.0.0.1:9/v1/agent"), KEY, false, 2, 0)).run(SCENARIOS);

        assertThat(summary.failed()).isEqualTo(4);
        assertThat(summary.failures()).containsOnlyKeys("connect-refused");
    }
}
