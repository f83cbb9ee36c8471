package io.penguin.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The documented limits of the WebSocket protocol hold at the edges: concurrency, size, encoding, subprotocol. */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class SessionEdgesTest {

    private static final String KEY = "test-agent-key";
    private static final String PROTOCOL = "penguin.agent.v1";
    /** {@code %test.penguin.gateway.limits.max-sessions-per-client} */
    private static final int LIMIT = 50;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void concurrentUpgradesWithOneKeyNeverOpenMoreSessionsThanTheClientsLimitAndFreeTheirSlots() throws Exception {
        int attempts = 3 * LIMIT;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RawWebSocket>> upgrades = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            upgrades.add(pool.submit(() -> {
                go.await();
                return RawWebSocket.connect(gateway, KEY, PROTOCOL);
            }));
        }
        go.countDown();
        List<RawWebSocket> sockets = new ArrayList<>();
        for (Future<RawWebSocket> upgrade : upgrades) {
            sockets.add(upgrade.get());
        }
        pool.shutdown();
        long accepted = sockets.stream().filter(s -> s.status() == 101).count();
        long refused = sockets.stream().filter(s -> s.status() == 429).count();
        for (RawWebSocket socket : sockets) {
            socket.close();
        }

        assertThat(accepted)
                .as("sessions opened at once")
                .isLessThanOrEqualTo(LIMIT)
                .isPositive();
        assertThat(accepted + refused).as("every upgrade answered 101 or 429").isEqualTo(attempts);
        org.awaitility.Awaitility.await()
                .atMost(io.penguin.embedded.Liveness.PATIENCE)
                .until(() -> {
                    try (RawWebSocket again = RawWebSocket.connect(gateway, KEY, PROTOCOL)) {
                        return again.status() == 101;
                    }
                });
    }

    @Test
    void aFrameOverTheMessageLimitClosesWith1009() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(gateway, KEY, PROTOCOL)) {
            assertThat(socket.status()).isEqualTo(101);
            assertThat(socket.next().text()).contains("\"hello\"");
            socket.sendText("{\"type\":\"query\",\"text\":\""
                    .concat("x".repeat(70_000))
                    .concat("\"}")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(socket.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void aTextFrameThatIsNotUtf8ClosesWith1007() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(gateway, KEY, PROTOCOL)) {
            assertThat(socket.status()).isEqualTo(101);
            assertThat(socket.next().text()).contains("\"hello\"");
            socket.sendText(new byte[] {'{', '"', (byte) 0xc3, (byte) 0x28, '"', '}'});
            assertThat(socket.closeCode()).isEqualTo(1007);
        }
    }

    @Test
    void anUpgradeWithoutTheProtocolsSubprotocolIsRefused() throws Exception {
        try (RawWebSocket none = RawWebSocket.connect(gateway, KEY, null);
                RawWebSocket other = RawWebSocket.connect(gateway, KEY, "chat.v9")) {
            assertThat(none.status()).isEqualTo(400);
            assertThat(other.status()).isEqualTo(400);
        }
    }
}
