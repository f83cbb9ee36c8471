-- One row per (planning job, scenario): the plan's path, reward and search statistics. A scenario's current policy
-- is its most recent plan. Holds the query text (the policy carries it for retrieval), never profile values.
create sequence plan_seq start with 1 increment by 50;

create table plan (
    id                     bigint primary key,
    planning_id            varchar(100)             not null,
    scenario_id            varchar(200)             not null,
    total                  integer                  not null,
    domain                 varchar(50)              not null,
    split                  varchar(20)              not null,
    query                  text                     not null,
    path                   text                     not null,
    path_length            integer                  not null,
    reward                 double precision         not null,
    exhaustive_best        text,
    exhaustive_reward      double precision,
    exhaustive_evaluations integer,
    evaluations            integer                  not null,
    iterations             integer                  not null,
    stopped_early          boolean                  not null,
    budget                 integer                  not null,
    rollouts               integer                  not null,
    exploration            double precision         not null,
    seed                   bigint                   not null,
    target_model           varchar(200)             not null,
    judge_model            varchar(200)             not null,
    millis                 bigint                   not null,
    policy_event_id        uuid                     not null unique,
    planned_at             timestamp with time zone not null,
    constraint plan_identity unique (planning_id, scenario_id)
);

create index plan_current on plan (scenario_id, planned_at desc, id desc);
