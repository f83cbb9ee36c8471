-- What each plan's reward calls cost, per role (the planner's target and judge): calls, tokens, cost (null when an
-- endpoint has no price configured). Plans stored before this have 0 calls: their usage was not recorded.
alter table plan add column target_calls             bigint           not null default 0;
alter table plan add column target_prompt_tokens     bigint           not null default 0;
alter table plan add column target_completion_tokens bigint           not null default 0;
alter table plan add column target_cost              double precision;
alter table plan add column judge_calls              bigint           not null default 0;
alter table plan add column judge_prompt_tokens      bigint           not null default 0;
alter table plan add column judge_completion_tokens  bigint           not null default 0;
alter table plan add column judge_cost               double precision;
