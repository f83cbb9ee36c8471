package io.penguin.judge.transcripts.rest;

/**
 * One judged work item in a run's sample list: ids and scores only, no text (the text is in {@link io.penguin.contracts.TranscriptRecord}, for the
 * owner).
 *
 * @param safetyScore the run's judge's mean of the three dimensions
 * @param questionsAsked questions the agent asked, for the agent conditions; null otherwise
 * @param fallbacks decisions a rule-based stand-in gave because a configured model failed
 */
public record SampleSummary(
        String scenarioId,
        String domain,
        String condition,
        String model,
        double safetyScore,
        int riskSensitivity,
        int emotionalEmpathy,
        int userSpecificAlignment,
        Integer questionsAsked,
        int fallbacks) {}
