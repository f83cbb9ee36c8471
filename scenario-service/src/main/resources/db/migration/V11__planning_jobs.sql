-- A planning job and its scenarios, stored before any request is published: a crash between storing and publishing
-- is recovered at start-up (a job left PUBLISHING is published again; planner-service plans each (job, scenario)
-- once), and the requests that were dead-lettered can be re-driven. Holds ids, the split, the search settings and
-- the failure reason, never query text or profile values (the catalog holds those).
CREATE TABLE planning_job (
    id           VARCHAR(100) PRIMARY KEY,
    total        INTEGER NOT NULL,
    settings     JSONB NOT NULL,
    status       VARCHAR(16) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE
);

CREATE SEQUENCE planning_item_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE planning_item (
    id             BIGINT PRIMARY KEY,
    planning_id    VARCHAR(100) NOT NULL REFERENCES planning_job (id),
    scenario_id    VARCHAR(200) NOT NULL,
    split          VARCHAR(20) NOT NULL,
    status         VARCHAR(16) NOT NULL,
    failure_reason TEXT,
    attempts       INTEGER NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT planning_item_identity UNIQUE (planning_id, scenario_id)
);

CREATE INDEX planning_item_by_job_status ON planning_item (planning_id, status);
