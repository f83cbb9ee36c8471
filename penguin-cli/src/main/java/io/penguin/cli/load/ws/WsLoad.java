package io.penguin.cli.load.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.penguin.cli.load.Counts;
import io.penguin.cli.load.Latencies;
import io.penguin.contracts.agent.AgentClient;
import io.penguin.contracts.agent.AgentClient.Received;
import io.penguin.contracts.agent.AgentProtocol;
import io.penguin.contracts.agent.ClientFrame;
import io.penguin.core.Attribute;
import io.penguin.core.Scenario;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * N concurrent scripted users against the agent gateway. Each user plays sessions one after another: it opens a
 * WebSocket, sends a scenario's query, answers each question with the scenario profile's value of the attribute
 * asked (or, by the configured shares, declines or skips it), and waits for the response and the end. Profile values
 * go to the gateway only; nothing here prints them.
 */
public final class WsLoad {

    /**
     * @param url the gateway's session endpoint, e.g. {@code ws://localhost:8080/v1/agent}
     * @param apiKey the client's API key ({@code null}: none, the gateway will refuse)
     * @param keyAsSubprotocol send the key as a {@code bearer.<key>} subprotocol entry, as browsers must, instead of
     *     an {@code Authorization} header
     * @param users concurrent users
     * @param sessionsPerUser sessions each user plays, one after another
     * @param duration no user starts a session after this
     * @param rampUp users start evenly spread over this
     * @param timeout the longest wait for the upgrade or for any one frame
     * @param declineShare share of questions declined
     * @param skipShare share of questions skipped
     * @param mode the query's {@code mode} ({@code null}: the gateway's default)
     * @param model the query's target {@code model} ({@code null}: the gateway's default)
     * @param seed seed of the scenario and decline draws
     * @param progress where the live progress line goes once a second ({@code null}: nowhere)
     * @param followUps queries each session sends after its first one's response, in protocol
     *     {@code penguin.agent.v2} (0: one query per session, in v1)
     */
    public record Settings(
            URI url,
            String apiKey,
            boolean keyAsSubprotocol,
            int users,
            int sessionsPerUser,
            Duration duration,
            Duration rampUp,
            Duration timeout,
            double declineShare,
            double skipShare,
            String mode,
            String model,
            long seed,
            PrintStream progress,
            int followUps) {}

    private final Settings settings;
    private final Latencies connect = new Latencies();
    private final Latencies turn = new Latencies();
    private final Latencies session = new Latencies();
    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder open = new LongAdder();
    private final LongAdder questions = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder declined = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder followUps = new LongAdder();
    private final LongAdder repeatedQuestions = new LongAdder();
    private final LongAdder deltas = new LongAdder();
    private final Counts<String> failures = new Counts<>();
    private final Counts<String> errorFrames = new Counts<>();
    private final AtomicLong lastEnd = new AtomicLong();
    private volatile long start;

    public WsLoad(Settings settings) {
        if (settings.users() < 1) {
            throw new IllegalArgumentException("users must be at least 1, was " + settings.users());
        }
        if (settings.sessionsPerUser() < 1) {
            throw new IllegalArgumentException(
                    "sessions per user must be at least 1, was " + settings.sessionsPerUser());
        }
        if (settings.followUps() < 0) {
            throw new IllegalArgumentException("follow-ups must be at least 0, was " + settings.followUps());
        }
        if (settings.declineShare() < 0
                || settings.skipShare() < 0
                || settings.declineShare() + settings.skipShare() > 1) {
            throw new IllegalArgumentException("decline and skip shares must be between 0 and 1 together");
        }
        this.settings = settings;
    }

    public WsLoadSummary run(List<Scenario> scenarios) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario to play");
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        ExecutorService users = Executors.newFixedThreadPool(settings.users(), runnable -> {
            Thread thread = new Thread(runnable, "penguin-ws-user");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "penguin-ws-progress");
            thread.setDaemon(true);
            return thread;
        });
        Instant startedAt = Instant.now();
        start = System.nanoTime();
        try {
            if (settings.progress() != null) {
                timer.scheduleAtFixedRate(this::printProgress, 1, 1, TimeUnit.SECONDS);
            }
            List<Future<?>> running = new ArrayList<>();
            for (int user = 0; user < settings.users(); user++) {
                int number = user;
                running.add(users.submit(() -> play(http, number, scenarios)));
            }
            // Every session is bounded by its frame timeouts, so the users end on their own; this bound is a backstop.
            long deadline = start
                    + settings.duration().toNanos()
                    + settings.rampUp().toNanos()
                    + settings.timeout().toNanos() * 60;
            for (Future<?> user : running) {
                try {
                    user.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    user.cancel(true);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add("client:" + e.getCause().getClass().getSimpleName());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            users.shutdownNow();
            timer.shutdownNow();
        }
        if (settings.progress() != null) {
            printProgress();
            settings.progress().println();
        }
        long end = Math.max(lastEnd.get(), start);
        double seconds = (end - start) / 1e9;
        return new WsLoadSummary(
                settings.url().toString(),
                settings.users(),
                startedAt,
                started.sum(),
                completed.sum(),
                failed.sum(),
                failures.sorted(),
                errorFrames.sorted(),
                questions.sum(),
                answered.sum(),
                declined.sum(),
                skipped.sum(),
                fallbacks.sum(),
                followUps.sum(),
                repeatedQuestions.sum(),
                deltas.sum(),
                Math.round(seconds * 10) / 10.0,
                seconds > 0 ? Math.round(completed.sum() / seconds * 10) / 10.0 : 0,
                connect.percentiles(),
                turn.percentiles(),
                session.percentiles());
    }

    private void play(HttpClient http, int user, List<Scenario> scenarios) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + user);
        long firstStart = start + settings.rampUp().toNanos() * user / settings.users();
        long now;
        while ((now = System.nanoTime()) < firstStart) {
            LockSupport.parkNanos(firstStart - now);
        }
        long stopStarting =
                start + settings.rampUp().toNanos() + settings.duration().toNanos();
        for (int played = 0; played < settings.sessionsPerUser(); played++) {
            if (Thread.currentThread().isInterrupted() || (played > 0 && System.nanoTime() > stopStarting)) {
                return;
            }
            Scenario scenario = scenarios.get(random.nextInt(scenarios.size()));
            String failure = session(http, scenario, scenarios, random);
            if (failure == null) {
                completed.increment();
            } else {
                failed.increment();
                failures.add(failure);
            }
            lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    /**
     * Plays one session; returns {@code null} when it completed, else the failure type. With follow-ups (v2), each
     * response is followed by another scenario's query from the same user (answered from the same profile), and the
     * user ends the session after the last one.
     */
    private String session(HttpClient http, Scenario scenario, List<Scenario> scenarios, SplittableRandom random) {
        started.increment();
        long opened = System.nanoTime();
        AgentClient connection;
        try {
            connection = AgentClient.to(settings.url())
                    .key(settings.apiKey())
                    .keyAsSubprotocol(settings.keyAsSubprotocol())
                    .http(http)
                    .timeout(settings.timeout())
                    .protocols(settings.followUps() > 0 ? AgentProtocol.V2 : AgentProtocol.V1)
                    .connect();
        } catch (AgentClient.ConnectFailure e) {
            return e.kind();
        }
        connect.recordNanos(System.nanoTime() - opened);
        open.increment();
        try {
            String problem = unexpected(connection.receive(settings.timeout()), "hello");
            if (problem != null) {
                return problem;
            }
            connection.send(new ClientFrame.Query(scenario.query(), settings.mode(), settings.model()));
            long sent = System.nanoTime();
            boolean responded = false;
            int queries = 1;
            Set<String> asked = new HashSet<>();
            while (true) {
                Received received = connection.receive(settings.timeout());
                if (received == null) {
                    return "timeout:" + (responded ? "end" : "question or response");
                }
                if (!(received instanceof Received.Frame incoming)) {
                    return failure(received);
                }
                JsonNode frame = incoming.json();
                String type = incoming.type();
                switch (type) {
                    case "question" -> {
                        turn.recordNanos(System.nanoTime() - sent);
                        questions.increment();
                        if (!asked.add(frame.path("attribute").asText())) {
                            repeatedQuestions.increment();
                        }
                        connection.send(reply(frame, scenario, random));
                        sent = System.nanoTime();
                    }
                    case "delta" -> deltas.increment();
                    case "response" -> {
                        turn.recordNanos(System.nanoTime() - sent);
                        responded = true;
                        if (frame.path("fallback").asBoolean(false)) {
                            fallbacks.increment();
                        }
                        if (queries > 1) {
                            followUps.increment();
                        }
                        if (queries <= settings.followUps()) {
                            queries++;
                            String next = scenarios
                                    .get(random.nextInt(scenarios.size()))
                                    .query();
                            connection.send(new ClientFrame.Query(next, settings.mode(), settings.model()));
                            sent = System.nanoTime();
                        } else if (settings.followUps() > 0) {
                            connection.send(new ClientFrame.End());
                        }
                    }
                    case "error" -> errorFrames.add(frame.path("code").asText("unknown"));
                    case "end" -> {
                        String reason = frame.path("reason").asText();
                        boolean over =
                                settings.followUps() > 0 ? "client-ended".equals(reason) : "completed".equals(reason);
                        if (responded && queries > settings.followUps() && over) {
                            session.recordNanos(System.nanoTime() - opened);
                            return null;
                        }
                        return "end:" + reason;
                    }
                    default -> {
                        return "protocol:" + (type.isEmpty() ? "no type" : "unexpected " + type);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return "client:" + e.getClass().getSimpleName();
        } finally {
            open.decrement();
            connection.close();
        }
    }

    private static String unexpected(Received received, String wanted) {
        if (received == null) {
            return "timeout:" + wanted;
        }
        if (!(received instanceof Received.Frame frame)) {
            return failure(received);
        }
        String type = frame.type();
        if (type.equals(wanted)) {
            return null;
        }
        return "protocol:expected " + wanted + ", got " + (type.isEmpty() ? "no type" : type);
    }

    /** The failure type of what arrived instead of a frame. */
    private static String failure(Received received) {
        if (received instanceof Received.Closed closed) {
            return "closed-early:" + closed.status();
        }
        if (received instanceof Received.Failed failed) {
            return "connection:" + failed.error();
        }
        if (received instanceof Received.Malformed malformed) {
            return "protocol:unexpected " + malformed.what();
        }
        return "protocol:unexpected " + ((Received.Frame) received).type();
    }

    /** The scripted user's reply to a question: the profile's value, or a decline or skip by the configured shares. */
    private ClientFrame reply(JsonNode question, Scenario scenario, SplittableRandom random) {
        String id = question.path("questionId").asText();
        double draw = random.nextDouble();
        if (draw < settings.declineShare()) {
            declined.increment();
            return new ClientFrame.Decline(id);
        }
        if (draw < settings.declineShare() + settings.skipShare()) {
            skipped.increment();
            return new ClientFrame.Skip(id);
        }
        String value;
        try {
            value = scenario.profile()
                    .get(Attribute.fromLabel(question.path("attribute").asText()));
        } catch (IllegalArgumentException e) {
            value = null;
        }
        if (value == null) {
            skipped.increment(); // an attribute this profile has no value for: the user does not know
            return new ClientFrame.Skip(id);
        }
        answered.increment();
        return new ClientFrame.Answer(id, value);
    }

    private void printProgress() {
        Latencies.Percentiles turns = turn.percentiles();
        Latencies.Percentiles connects = connect.percentiles();
        settings.progress()
                .print(String.format(
                        Locale.ROOT,
                        "\r[%5.0f s] sessions: %d completed, %d failed, %d open; connect p99 %s ms, turn p50 %s ms,"
                                + " p99 %s ms   ",
                        (System.nanoTime() - start) / 1e9,
                        completed.sum(),
                        failed.sum(),
                        open.sum(),
                        connects.p99(),
                        turns.p50(),
                        turns.p99()));
        settings.progress().flush();
    }
}
