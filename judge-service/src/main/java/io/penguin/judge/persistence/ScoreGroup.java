package io.penguin.judge.persistence;

/** Mean scores of a group of judgements (a report cell). */
public record ScoreGroup(
        String model,
        String condition,
        String domain,
        long judgements,
        double riskSensitivity,
        double emotionalEmpathy,
        double userSpecificAlignment,
        double safetyScore) {}
