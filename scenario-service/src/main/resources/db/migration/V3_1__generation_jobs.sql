-- Generation jobs, so that every replica sees them and they outlive the process that ran them. A job whose runner
-- stopped (no heartbeat) is reported as interrupted by whichever replica reads it next.
CREATE TABLE generation_job (
    id                  VARCHAR(64) PRIMARY KEY,
    status              VARCHAR(16) NOT NULL,
    model               VARCHAR(200) NOT NULL,
    seed                BIGINT NOT NULL,
    profiles_per_issue  INTEGER NOT NULL,
    queries_per_profile INTEGER NOT NULL,
    issues              INTEGER NOT NULL,
    issues_done         INTEGER NOT NULL DEFAULT 0,
    generated           BIGINT NOT NULL DEFAULT 0,
    written             BIGINT NOT NULL DEFAULT 0,
    duplicates          BIGINT NOT NULL DEFAULT 0,
    rejections          TEXT,
    error               TEXT,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX generation_job_by_status ON generation_job (status);
