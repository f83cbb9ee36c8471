package io.penguin.models;

import io.penguin.core.Profile;

/**
 * What the judge is shown: always the full profile, whatever the responder saw.
 *
 * @param query the user's query
 * @param profile the full profile
 * @param response the response to score
 */
public record JudgeRequest(String query, Profile profile, String response) {

    @Override
    public String toString() {
        return "JudgeRequest[profile redacted]";
    }
}
