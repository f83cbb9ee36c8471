package io.penguin.scenario.catalog.service;

import io.penguin.catalog.writing.OfflineScenarioWriter;
import io.penguin.catalog.writing.WrittenScenario;
import io.penguin.catalog.writing.llm.LlmScenarioWriter;
import io.penguin.catalog.writing.llm.RejectionTally;
import io.penguin.core.Domain;
import io.penguin.core.Scenario;
import io.penguin.core.Taxonomy;
import io.penguin.models.ModelRegistry;
import io.penguin.models.UnknownModelException;
import io.penguin.scenario.catalog.config.CatalogConfig;
import io.penguin.scenario.catalog.persistence.CatalogWriter;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.penguin.service.models.ModelsConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates catalog scenarios as background jobs, with the offline generator (all issues in one transaction: all or
 * nothing, seconds for the 14,000-scenario catalog) or with a configured model ({@link LlmScenarioWriter}: issues
 * in parallel, each stored in its own transaction as soon as it is written, because a model takes hours for what
 * the offline generator does in seconds and a failure should not throw away what was paid for). Jobs live in the
 * database ({@link WritingJobs}).
 */
@ApplicationScoped
public class ScenarioWriting {

    /** The model name of the offline generator. */
    public static final String OFFLINE = "offline";

    /**
     * What to generate.
     *
     * @param seed the same seed gives the same scenarios (default 1); for a model, part of every prompt
     * @param profilesPerIssue default 10
     * @param queriesPerProfile default 10
     * @param domains only these domains (default all)
     * @param issues only these issues (default all of the domains)
     * @param model a configured endpoint that writes the scenarios, or {@code offline}; default
     *     {@code penguin.models.roles.generator}, else offline
     */
    public record GenerationRequest(
            Long seed,
            Integer profilesPerIssue,
            Integer queriesPerProfile,
            List<String> domains,
            List<String> issues,
            String model) {

        public GenerationRequest(
                Long seed,
                Integer profilesPerIssue,
                Integer queriesPerProfile,
                List<String> domains,
                List<String> issues) {
            this(seed, profilesPerIssue, queriesPerProfile, domains, issues, null);
        }
    }

    /** A validated request; {@code model} is an endpoint name or {@link #OFFLINE}. */
    public record GenerationPlan(
            long seed, int profilesPerIssue, int queriesPerProfile, List<Taxonomy.IssuePlace> issues, String model) {

        public GenerationPlan {
            issues = List.copyOf(issues);
        }

        public boolean offline() {
            return model.equals(OFFLINE);
        }
    }

    /** What a finished generation stored. */
    public record GenerationResult(long generated, long written, long duplicates, Duration took) {}

    private final CatalogWriter writer;
    private final CatalogConfig config;
    private final WritingJobs jobs;
    private final ModelRegistry models;
    private final ModelsConfig modelsConfig;
    private final OfflineScenarioWriter generator = new OfflineScenarioWriter();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemon("catalog-generation"));
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(daemon("catalog-generation-heartbeat"));

    public ScenarioWriting(
            CatalogWriter writer,
            CatalogConfig config,
            WritingJobs jobs,
            ModelRegistry models,
            ModelsConfig modelsConfig) {
        this.writer = writer;
        this.config = config;
        this.jobs = jobs;
        this.models = models;
        this.modelsConfig = modelsConfig;
    }

    @PostConstruct
    void startHeartbeat() {
        long every = config.jobHeartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(
                () -> {
                    try {
                        jobs.heartbeat(Set.copyOf(running));
                    } catch (RuntimeException e) {
                        Log.warnf("catalog generation: heartbeat not recorded: %s", e.getMessage());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        executor.shutdownNow();
    }

    public GenerationPlan plan(GenerationRequest request) {
        GenerationRequest r = request == null ? new GenerationRequest(null, null, null, null, null) : request;
        int profiles = r.profilesPerIssue() == null ? 10 : r.profilesPerIssue();
        int queries = r.queriesPerProfile() == null ? 10 : r.queriesPerProfile();
        if (profiles < 1 || profiles > 50) {
            throw new IllegalArgumentException("profilesPerIssue must be between 1 and 50, was " + profiles);
        }
        if (queries < 1 || queries > 50) {
            throw new IllegalArgumentException("queriesPerProfile must be between 1 and 50, was " + queries);
        }
        var filter = ScenarioFilters.parse(ScenarioFilters.RUN_REQUEST, r.domains(), null, r.issues(), null, null);
        Set<Domain> domains = filter.domains();
        List<Taxonomy.IssuePlace> issues = Taxonomy.standard().issues().stream()
                .filter(place -> domains.isEmpty() || domains.contains(place.domain()))
                .filter(place -> filter.issues().isEmpty() || filter.issues().contains(place.issue()))
                .toList();
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("issues: the domains and issues given have no issue in common");
        }
        return new GenerationPlan(r.seed() == null ? 1L : r.seed(), profiles, queries, issues, model(r.model()));
    }

    private String model(String requested) {
        String model = requested == null || requested.isBlank()
                ? modelsConfig.roles().generator().orElse(OFFLINE)
                : requested.trim();
        if (!model.equals(OFFLINE)) {
            try {
                models.calls(model);
            } catch (UnknownModelException e) {
                throw new IllegalArgumentException("model: no model endpoint named '" + model + "' is configured"
                        + " (penguin.models.endpoints." + model + ".*); configured: "
                        + (models.endpointNames().isEmpty() ? "none" : String.join(", ", models.endpointNames()))
                        + "; or 'offline'");
            }
        }
        return model;
    }

    /** Starts a generation job and returns at once. */
    public WritingJobs.WritingJob start(GenerationPlan plan) {
        WritingJobs.WritingJob job = jobs.create(plan);
        String id = job.id();
        running.add(id);
        executor.submit(() -> {
            try {
                if (plan.offline()) {
                    GenerationResult result = generate(plan);
                    jobs.finish(
                            id,
                            WritingJobs.COMPLETED,
                            new WritingJobs.Progress(
                                    plan.issues().size(), result.generated(), result.written(), result.duplicates()),
                            null,
                            null);
                } else {
                    generateWithModel(id, plan);
                }
            } catch (RuntimeException e) {
                Log.errorf("catalog generation %s failed: %s", id, e.getMessage());
                jobs.finish(id, WritingJobs.FAILED, new WritingJobs.Progress(0, 0, 0, 0), null, e.getMessage());
            } finally {
                running.remove(id);
            }
        });
        return job;
    }

    public WritingJobs.WritingJob job(String id) {
        return jobs.find(id);
    }

    /** Generates offline and stores in one transaction; the caller waits. */
    public GenerationResult generate(GenerationPlan plan) {
        if (!plan.offline()) {
            throw new IllegalArgumentException(
                    "generate(plan) is the offline generator; the plan names " + plan.model());
        }
        long started = System.nanoTime();
        GenerationResult result = QuarkusTransaction.requiringNew()
                .timeout((int) config.writeTimeout().toSeconds())
                .call(() -> {
                    long generated = 0;
                    try (CatalogWriter.Batch batch = writer.open(ScenarioSource.GENERATED, (record, id) -> {})) {
                        Iterator<WrittenScenario> scenarios = generator.generate(
                                plan.seed(), plan.issues(), plan.profilesPerIssue(), plan.queriesPerProfile());
                        while (scenarios.hasNext()) {
                            batch.add(++generated, scenarios.next().scenario());
                        }
                        batch.flush();
                        return new GenerationResult(
                                generated,
                                batch.written(),
                                batch.duplicates(),
                                Duration.ofNanos(System.nanoTime() - started));
                    }
                });
        Log.infof(
                "catalog generation (seed %d, %d issues): %d generated, %d stored, %d duplicates skipped in %d ms",
                plan.seed(),
                plan.issues().size(),
                result.generated(),
                result.written(),
                result.duplicates(),
                result.took().toMillis());
        return result;
    }

    /**
     * Generates with the plan's model, issues in parallel, each issue stored in its own transaction when it is
     * written; the job's progress and rejection report are updated after every issue. A failed model call (after the
     * endpoint's retry budget) fails the job; the issues stored before stay.
     */
    void generateWithModel(String id, GenerationPlan plan) {
        long started = System.nanoTime();
        LlmScenarioWriter llm = new LlmScenarioWriter(
                models.calls(plan.model()), config.generator().reasks());
        RejectionTally tally = new RejectionTally();
        int threads = Math.max(
                1, Math.min(config.generator().parallelIssues(), plan.issues().size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("catalog-llm-" + id));
        CompletionService<GenerationResult> done = new ExecutorCompletionService<>(pool);
        int issuesDone = 0;
        long generated = 0;
        long written = 0;
        long duplicates = 0;
        try {
            for (Taxonomy.IssuePlace place : plan.issues()) {
                done.submit(() ->
                        store(llm.issue(plan.seed(), place, plan.profilesPerIssue(), plan.queriesPerProfile(), tally)));
            }
            for (int i = 0; i < plan.issues().size(); i++) {
                GenerationResult issue;
                try {
                    issue = done.take().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    String message =
                            "issue " + (issuesDone + 1) + " of " + plan.issues().size() + " failed after " + issuesDone
                                    + " were stored: " + cause.getMessage();
                    jobs.finish(
                            id,
                            WritingJobs.FAILED,
                            new WritingJobs.Progress(issuesDone, generated, written, duplicates),
                            tally.report(),
                            message);
                    Log.errorf("catalog generation %s with model %s: %s", id, plan.model(), message);
                    return;
                }
                issuesDone++;
                generated += issue.generated();
                written += issue.written();
                duplicates += issue.duplicates();
                jobs.progress(id, new WritingJobs.Progress(issuesDone, generated, written, duplicates), tally.report());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted: the service is stopping", e);
        } finally {
            pool.shutdownNow();
        }
        RejectionTally.Report report = tally.report();
        jobs.finish(
                id,
                WritingJobs.COMPLETED,
                new WritingJobs.Progress(issuesDone, generated, written, duplicates),
                report,
                null);
        Log.infof(
                "catalog generation %s with model %s (seed %d, %d issues): %d generated, %d stored, %d duplicates"
                        + " skipped in %d ms; %d replies, %d rejected, %d re-asks, %d profiles and %d query sets given"
                        + " up",
                id,
                plan.model(),
                plan.seed(),
                plan.issues().size(),
                generated,
                written,
                duplicates,
                (System.nanoTime() - started) / 1_000_000,
                report.replies(),
                report.invalidReplies(),
                report.reasks(),
                report.abandonedProfiles(),
                report.abandonedQuerySets());
    }

    private GenerationResult store(List<Scenario> scenarios) {
        long started = System.nanoTime();
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.writeTimeout().toSeconds())
                .call(() -> {
                    try (CatalogWriter.Batch batch = writer.open(ScenarioSource.GENERATED, (record, id) -> {})) {
                        long number = 0;
                        for (Scenario scenario : scenarios) {
                            batch.add(++number, scenario);
                        }
                        batch.flush();
                        return new GenerationResult(
                                scenarios.size(),
                                batch.written(),
                                batch.duplicates(),
                                Duration.ofNanos(System.nanoTime() - started));
                    }
                });
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
