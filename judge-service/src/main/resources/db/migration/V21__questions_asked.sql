-- What the RAISE agent asked before it answered, for the agent conditions (agent, planner): how many attributes and
-- which, in order, as a JSON array of attribute labels (names only, never what the user answered). NULL for every
-- other condition, so a report tells "asked nothing" (0, []) from "not an agent item".
ALTER TABLE judgement ADD COLUMN questions_asked INTEGER CHECK (questions_asked >= 0);
ALTER TABLE judgement ADD COLUMN asked_attributes JSONB;
