-- One database per stateful service, and one for the model-call cache that every service shares, owned by the
-- application role (docker-compose runs this on first start; the embedded launcher creates the same databases).
CREATE DATABASE penguin_scenario OWNER penguin;
CREATE DATABASE penguin_judge OWNER penguin;
CREATE DATABASE penguin_planner OWNER penguin;
CREATE DATABASE penguin_models OWNER penguin;
