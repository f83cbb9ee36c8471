package io.penguin.scenario.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.catalog.writing.llm.RejectionTally;
import io.penguin.scenario.catalog.config.CatalogConfig;
import io.penguin.scenario.catalog.persistence.WritingJobEntity;
import io.penguin.service.problem.NotFoundProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * Generation jobs in the database, so every replica answers for every job and a job outlives the process that ran
 * it. The replica running a job renews its heartbeat; a running job whose heartbeat is older than
 * {@code penguin.catalog.job-stale-after} is marked failed (interrupted) by whichever replica reads it.
 */
@ApplicationScoped
public class WritingJobs {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    /**
     * Where a generation job is; counts are final once the status is not {@code RUNNING}.
     *
     * @param model the endpoint that wrote the scenarios, or {@code offline}
     * @param issuesDone issues generated and stored so far (LLM jobs store issue by issue)
     * @param rejections what the model's replies had wrong (LLM jobs only; null for offline ones)
     */
    public record WritingJob(
            String id,
            String status,
            String model,
            long seed,
            int profilesPerIssue,
            int queriesPerProfile,
            int issues,
            int issuesDone,
            long generated,
            long written,
            long duplicates,
            RejectionTally.Report rejections,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    /** Counts of a job so far. */
    public record Progress(int issuesDone, long generated, long written, long duplicates) {}

    private final CatalogConfig config;
    private final ObjectMapper json = new ObjectMapper();

    public WritingJobs(CatalogConfig config) {
        this.config = config;
    }

    public WritingJob create(ScenarioWriting.GenerationPlan plan) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WritingJobEntity job = new WritingJobEntity();
            job.id = "gen-" + UUID.randomUUID();
            job.status = RUNNING;
            job.model = plan.model();
            job.seed = plan.seed();
            job.profilesPerIssue = plan.profilesPerIssue();
            job.queriesPerProfile = plan.queriesPerProfile();
            job.issues = plan.issues().size();
            job.startedAt = Instant.now();
            job.heartbeatAt = job.startedAt;
            job.rejections = plan.offline() ? null : write(RejectionTally.Report.NONE);
            job.persist();
            return view(job);
        });
    }

    public void progress(String id, Progress progress, RejectionTally.Report rejections) {
        QuarkusTransaction.requiringNew().run(() -> {
            WritingJobEntity job = WritingJobEntity.findById(id);
            if (job != null && job.status.equals(RUNNING)) {
                counts(job, progress, rejections);
                job.heartbeatAt = Instant.now();
            }
        });
    }

    public void finish(String id, String status, Progress progress, RejectionTally.Report rejections, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            WritingJobEntity job = WritingJobEntity.findById(id);
            if (job == null) {
                return;
            }
            job.status = status;
            counts(job, progress, rejections);
            job.error = error;
            job.finishedAt = Instant.now();
            job.heartbeatAt = job.finishedAt;
        });
    }

    /** Records that this replica still runs these jobs. */
    public void heartbeat(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew()
                .run(() -> WritingJobEntity.update(
                        "heartbeatAt = ?1 where id in ?2 and status = ?3", Instant.now(), ids, RUNNING));
    }

    public WritingJob find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant stale = Instant.now().minus(config.jobStaleAfter());
            WritingJobEntity.update(
                    "status = ?1, error = ?2, finishedAt = ?3 where id = ?4 and status = ?5 and heartbeatAt < ?6",
                    FAILED,
                    "interrupted: the replica running this job stopped (no heartbeat for "
                            + config.jobStaleAfter().toSeconds() + " s); what it stored stays. Start the same"
                            + " generation again: stored scenarios are skipped as duplicates, and valid model replies"
                            + " come from the call cache",
                    Instant.now(),
                    id,
                    RUNNING,
                    stale);
            WritingJobEntity job = WritingJobEntity.findById(id);
            if (job == null) {
                throw new NotFoundProblem("no generation job with id '" + id + "'");
            }
            return view(job);
        });
    }

    private void counts(WritingJobEntity job, Progress progress, RejectionTally.Report rejections) {
        job.issuesDone = progress.issuesDone();
        job.generated = progress.generated();
        job.written = progress.written();
        job.duplicates = progress.duplicates();
        if (rejections != null) {
            job.rejections = write(rejections);
        }
    }

    private WritingJob view(WritingJobEntity job) {
        return new WritingJob(
                job.id,
                job.status,
                job.model,
                job.seed,
                job.profilesPerIssue,
                job.queriesPerProfile,
                job.issues,
                job.issuesDone,
                job.generated,
                job.written,
                job.duplicates,
                read(job.rejections),
                job.startedAt,
                job.finishedAt,
                job.error);
    }

    private String write(RejectionTally.Report report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a rejection report", e);
        }
    }

    private RejectionTally.Report read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, RejectionTally.Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("generation job: the stored rejection report is unreadable", e);
        }
    }
}
