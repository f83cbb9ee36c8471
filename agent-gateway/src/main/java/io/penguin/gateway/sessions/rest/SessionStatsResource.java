package io.penguin.gateway.sessions.rest;

import io.penguin.gateway.sessions.service.LiveSessions;
import io.penguin.gateway.sessions.service.SessionMetrics;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Live-session figures for operators and benchmarks: open sessions and server-side turn latency. */
@Path("/v1/agent/stats")
public class SessionStatsResource {

    private final LiveSessions sessions;

    public SessionStatsResource(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SessionMetrics.SessionStats stats() {
        return sessions.stats();
    }
}
