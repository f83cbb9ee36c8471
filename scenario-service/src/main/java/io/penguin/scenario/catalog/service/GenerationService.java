package io.penguin.scenario.catalog.service;

import io.penguin.core.Domain;
import io.penguin.core.Taxonomy;
import io.penguin.scenario.catalog.config.CatalogConfig;
import io.penguin.scenario.catalog.generation.GeneratedScenario;
import io.penguin.scenario.catalog.generation.OfflineScenarioGenerator;
import io.penguin.scenario.catalog.persistence.CatalogWriter;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.penguin.service.problem.NotFoundProblem;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Generates scenarios with the offline generator and stores them in one transaction (all or nothing), as a
 * background job: the default 14,000-scenario catalog takes seconds. Jobs are kept in memory; the scenarios they
 * wrote are in the database.
 */
@ApplicationScoped
public class GenerationService {

    /**
     * What to generate.
     *
     * @param seed the same seed gives the same scenarios (default 1)
     * @param profilesPerIssue default 10
     * @param queriesPerProfile default 10
     * @param domains only these domains (default all)
     * @param issues only these issues (default all of the domains)
     */
    public record GenerationRequest(
            Long seed,
            Integer profilesPerIssue,
            Integer queriesPerProfile,
            List<String> domains,
            List<String> issues) {}

    /** Where a generation job is; counts are final once the status is {@code COMPLETED}. */
    public record GenerationJob(
            String id,
            String status,
            long seed,
            int profilesPerIssue,
            int queriesPerProfile,
            int issues,
            long generated,
            long written,
            long duplicates,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    /** A validated request. */
    public record GenerationPlan(
            long seed, int profilesPerIssue, int queriesPerProfile, List<Taxonomy.IssuePlace> issues) {}

    /** What a finished generation stored. */
    public record GenerationResult(long generated, long written, long duplicates, Duration took) {}

    private final CatalogWriter writer;
    private final CatalogConfig config;
    private final OfflineScenarioGenerator generator = new OfflineScenarioGenerator();
    private final Map<String, GenerationJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "catalog-generation");
        thread.setDaemon(true);
        return thread;
    });

    public GenerationService(CatalogWriter writer, CatalogConfig config) {
        this.writer = writer;
        this.config = config;
    }

    @PreDestroy
    void stop() {
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
        return new GenerationPlan(r.seed() == null ? 1L : r.seed(), profiles, queries, issues);
    }

    /** Starts a generation job and returns at once. */
    public GenerationJob start(GenerationPlan plan) {
        String id = "gen-" + UUID.randomUUID();
        GenerationJob job = new GenerationJob(
                id,
                "RUNNING",
                plan.seed(),
                plan.profilesPerIssue(),
                plan.queriesPerProfile(),
                plan.issues().size(),
                0,
                0,
                0,
                Instant.now(),
                null,
                null);
        jobs.put(id, job);
        executor.submit(() -> {
            try {
                GenerationResult result = generate(plan);
                jobs.put(id, finished(job, "COMPLETED", result, null));
            } catch (RuntimeException e) {
                Log.errorf("catalog generation %s failed: %s", id, e.getMessage());
                jobs.put(id, finished(job, "FAILED", new GenerationResult(0, 0, 0, Duration.ZERO), e.getMessage()));
            }
        });
        return job;
    }

    public GenerationJob job(String id) {
        GenerationJob job = jobs.get(id);
        if (job == null) {
            throw new NotFoundProblem("no generation job with id '" + id + "'");
        }
        return job;
    }

    /** Generates and stores in one transaction; the caller waits. */
    public GenerationResult generate(GenerationPlan plan) {
        long started = System.nanoTime();
        GenerationResult result = QuarkusTransaction.requiringNew()
                .timeout((int) config.writeTimeout().toSeconds())
                .call(() -> {
                    long generated = 0;
                    try (CatalogWriter.Batch batch = writer.open(ScenarioSource.GENERATED, (record, id) -> {})) {
                        Iterator<GeneratedScenario> scenarios = generator.generate(
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

    private static GenerationJob finished(GenerationJob job, String status, GenerationResult result, String error) {
        return new GenerationJob(
                job.id(),
                status,
                job.seed(),
                job.profilesPerIssue(),
                job.queriesPerProfile(),
                job.issues(),
                result.generated(),
                result.written(),
                result.duplicates(),
                job.startedAt(),
                Instant.now(),
                error);
    }
}
