-- One row per (planning job, scenario) whose request was dead-lettered, with the reason: the job's progress counts
-- them as failed instead of pending forever, and GET /plannings/{id}/failures lists them. A later successful plan of
-- the same request (a re-drive) removes its row. Holds ids and the reason, never query text or profile values.
create sequence planning_failure_seq start with 1 increment by 50;

create table planning_failure (
    id          bigint primary key,
    planning_id varchar(100)             not null,
    scenario_id varchar(200)             not null,
    total       integer                  not null,
    reason      text                     not null,
    failed_at   timestamp with time zone not null,
    constraint planning_failure_identity unique (planning_id, scenario_id)
);
