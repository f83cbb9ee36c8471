package io.penguin.scenario.planning.service;

import io.penguin.contracts.PlanningRequested;
import io.penguin.contracts.PlanningSettings;
import io.penguin.core.Scenario;
import io.penguin.scenario.catalog.service.ScenarioCatalog;
import io.penguin.scenario.catalog.service.Selection;
import io.penguin.scenario.planning.config.PlanningConfig;
import io.penguin.scenario.planning.messaging.PlanningRequestPublisher;
import io.penguin.scenario.planning.persistence.PlanningItemEntity;
import io.penguin.scenario.planning.persistence.PlanningItemRepository;
import io.penguin.scenario.planning.persistence.PlanningItemStatus;
import io.penguin.scenario.planning.persistence.PlanningJobEntity;
import io.penguin.scenario.planning.persistence.PlanningJobRepository;
import io.penguin.scenario.planning.persistence.PlanningJobStatus;
import io.penguin.service.messaging.Acks;
import io.penguin.service.problem.NotFoundProblem;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The planning jobs scenario-service accepted: each is stored with its scenarios before any request is published, so
 * a crash between the two loses nothing ({@link PlanningRecovery} publishes a job left PUBLISHING again), and the
 * requests planner-service dead-lettered are known here and can be re-driven. Publishing twice is harmless:
 * planner-service plans each (job, scenario) once.
 */
@ApplicationScoped
public class PlanningJobs {

    /** Rows per transaction, and requests per catalog lookup, when storing or re-publishing a large job. */
    private static final int CHUNK = 2_000;

    private final PlanningJobRepository jobs;
    private final PlanningItemRepository items;
    private final ScenarioCatalog catalog;
    private final PlanningRequestPublisher publisher;
    private final PlanningConfig config;

    public PlanningJobs(
            PlanningJobRepository jobs,
            PlanningItemRepository items,
            ScenarioCatalog catalog,
            PlanningRequestPublisher publisher,
            PlanningConfig config) {
        this.jobs = jobs;
        this.items = items;
        this.catalog = catalog;
        this.publisher = publisher;
        this.config = config;
    }

    /** Stores the job and one PENDING item per scenario, then publishes the requests; returns the status reached. */
    public PlanningJobStatus start(
            String planningId, PlanningSettings settings, List<Scenario> scenarios, Map<String, String> splits) {
        QuarkusTransaction.requiringNew().run(() -> {
            PlanningJobEntity job = new PlanningJobEntity();
            job.id = planningId;
            job.total = scenarios.size();
            job.settings = settings;
            job.status = PlanningJobStatus.PUBLISHING;
            job.createdAt = Instant.now();
            jobs.persist(job);
        });
        Instant now = Instant.now();
        for (int from = 0; from < scenarios.size(); from += CHUNK) {
            List<Scenario> chunk = scenarios.subList(from, Math.min(scenarios.size(), from + CHUNK));
            QuarkusTransaction.requiringNew()
                    .run(() -> items.persist(chunk.stream()
                            .map(scenario -> item(planningId, scenario.id(), splits.get(scenario.id()), now))));
        }
        List<PlanningRequested> requests = scenarios.stream()
                .map(scenario -> PlanningRequested.of(
                        planningId, scenarios.size(), splits.get(scenario.id()), settings, scenario))
                .toList();
        return publish(planningId, requests);
    }

    /** Records that planner-service dead-lettered a request of a job; false when no such job or scenario is known. */
    public boolean recordFailure(String planningId, String scenarioId, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> items.markFailed(planningId, scenarioId, reason));
    }

    /**
     * Publishes the job's failed requests again (attempts + 1), and, when the job never got all its requests onto the
     * broker, its pending ones too. Returns how many requests were published.
     */
    public int redrive(String planningId) {
        PlanningJobEntity job = require(planningId);
        List<PlanningItemEntity> again = QuarkusTransaction.requiringNew().call(() -> {
            List<PlanningItemEntity> failed = items.ofJob(planningId, PlanningItemStatus.FAILED);
            items.retryFailed(planningId);
            return job.status == PlanningJobStatus.PUBLISHED
                    ? failed
                    : items.ofJob(planningId, PlanningItemStatus.PENDING);
        });
        Log.infof("planning %s: re-driving %d requests", planningId, again.size());
        if (!again.isEmpty()) {
            publish(planningId, requests(job, again));
        }
        return again.size();
    }

    /** Publishes every pending request of a job a crash left PUBLISHING. */
    public int resume(String planningId) {
        PlanningJobEntity job = require(planningId);
        List<PlanningItemEntity> pending =
                QuarkusTransaction.requiringNew().call(() -> items.ofJob(planningId, PlanningItemStatus.PENDING));
        publish(planningId, requests(job, pending));
        return pending.size();
    }

    public List<String> interrupted() {
        return QuarkusTransaction.requiringNew().call(jobs::interrupted);
    }

    /** The stored job; 404 when none has this id. */
    public PlanningJobEntity require(String planningId) {
        PlanningJobEntity job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(planningId));
        if (job == null) {
            throw new NotFoundProblem("no planning job with id '" + planningId + "'");
        }
        return job;
    }

    private PlanningJobStatus publish(String planningId, List<PlanningRequested> requests) {
        PlanningJobStatus status = Acks.published(
                        "planning " + planningId + ": publishing its requests",
                        () -> publisher.publishAll(requests, config.publishTimeout()))
                ? PlanningJobStatus.PUBLISHED
                : PlanningJobStatus.PUBLISH_FAILED;
        QuarkusTransaction.requiringNew()
                .run(() -> jobs.update(
                        "status = ?1, publishedAt = ?2 where id = ?3",
                        status,
                        status == PlanningJobStatus.PUBLISHED ? Instant.now() : null,
                        planningId));
        return status;
    }

    /** The requests of stored items, their scenarios read from the catalog a chunk at a time. */
    private List<PlanningRequested> requests(PlanningJobEntity job, List<PlanningItemEntity> stored) {
        List<PlanningRequested> requests = new ArrayList<>(stored.size());
        for (int from = 0; from < stored.size(); from += CHUNK) {
            List<PlanningItemEntity> chunk = stored.subList(from, Math.min(stored.size(), from + CHUNK));
            Map<String, Scenario> scenarios = new HashMap<>();
            catalog.select(new Selection(
                            chunk.stream().map(item -> item.scenarioId).toList(), null, null, 0, null))
                    .forEach(scenario -> scenarios.put(scenario.id(), scenario));
            for (PlanningItemEntity item : chunk) {
                Scenario scenario = scenarios.get(item.scenarioId);
                if (scenario == null) {
                    // Deleted from the catalog since the job was accepted: nothing left to plan.
                    Log.warnf("planning %s: scenario %s is no longer in the catalog", job.id, item.scenarioId);
                    continue;
                }
                requests.add(PlanningRequested.of(job.id, job.total, item.split, job.settings, scenario));
            }
        }
        return requests;
    }

    private static PlanningItemEntity item(String planningId, String scenarioId, String split, Instant now) {
        PlanningItemEntity item = new PlanningItemEntity();
        item.planningId = planningId;
        item.scenarioId = scenarioId;
        item.split = split;
        item.status = PlanningItemStatus.PENDING;
        item.attempts = 1;
        item.updatedAt = now;
        return item;
    }
}
