package io.penguin.gateway.sessions.websocket;

import io.penguin.contracts.agent.AgentProtocol;
import io.penguin.gateway.sessions.service.ClientKeys;
import io.penguin.gateway.sessions.service.LiveSessions;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Authenticates a client before the WebSocket opens: 401 without a valid key, 429 when the client has its maximum of
 * open sessions. The client id travels to the connection in its user data.
 */
@ApplicationScoped
public class ClientAuthentication implements HttpUpgradeCheck {

    static final UserData.TypedKey<String> CLIENT = UserData.TypedKey.forString("penguin.client");

    /** The session slot reserved at the upgrade, claimed when the connection opens. */
    static final UserData.TypedKey<String> RESERVATION = UserData.TypedKey.forString("penguin.slot");

    private final ClientKeys keys;
    private final LiveSessions sessions;

    public ClientAuthentication(ClientKeys keys, LiveSessions sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        var request = context.httpRequest();
        if (!offersProtocol(request.headers().getAll("Sec-WebSocket-Protocol"))) {
            // Without the protocol's subprotocol a client cannot know which frames to expect; refuse rather than
            // guess (RFC 6455 leaves it to the server).
            return CheckResult.rejectUpgrade(400);
        }
        var client = keys.authenticate(
                request.getHeader("Authorization"), request.headers().getAll("Sec-WebSocket-Protocol"));
        if (client.isEmpty()) {
            Log.infof("agent session refused: no valid API key (from %s)", request.remoteAddress());
            return CheckResult.rejectUpgrade(
                    401, Map.of("WWW-Authenticate", List.of("Bearer realm=\"penguin-agent\"")));
        }
        var reservation = sessions.reserve(client.get());
        if (reservation.isEmpty()) {
            Log.infof("agent session refused: client %s has its maximum of open sessions", client.get());
            return CheckResult.rejectUpgrade(429);
        }
        context.userData().put(CLIENT, client.get());
        context.userData().put(RESERVATION, reservation.get());
        return CheckResult.permitUpgrade();
    }

    /** True when one of the comma-separated Sec-WebSocket-Protocol entries is the protocol this endpoint speaks. */
    static boolean offersProtocol(List<String> headers) {
        return headers.stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(",")))
                .map(String::trim)
                .anyMatch(AgentProtocol.SERVED::contains);
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return AgentSocket.class.getName().equals(endpointId);
    }
}
