-- One database per stateful service (docker-compose runs this on first start; the embedded launcher does the same).
CREATE DATABASE penguin_scenario;
CREATE DATABASE penguin_judge;
CREATE DATABASE penguin_planner;
