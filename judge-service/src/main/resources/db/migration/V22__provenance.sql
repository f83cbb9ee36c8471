-- Provenance of every judgement: the versions of the prompt templates behind the response and the verdict (two runs
-- made with other templates are never compared as if alike), and what the roles other than target and judge did for
-- the work item (agent, simulated user, planner): model, rule-based or not, calls, fallbacks to a rule-based
-- stand-in, usage; as a JSON array of names and numbers, never what a user said.
ALTER TABLE judgement ADD COLUMN target_prompt_version TEXT NOT NULL DEFAULT 'unversioned';
ALTER TABLE judgement ADD COLUMN judge_prompt_version TEXT NOT NULL DEFAULT 'unversioned';
ALTER TABLE judgement ADD COLUMN fallbacks INTEGER NOT NULL DEFAULT 0 CHECK (fallbacks >= 0);
ALTER TABLE judgement ADD COLUMN role_calls JSONB;
