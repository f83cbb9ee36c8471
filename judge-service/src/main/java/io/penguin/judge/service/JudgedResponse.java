package io.penguin.judge.service;

import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.ResponseGenerated;
import java.util.List;

/**
 * What became of one response: a judgement per judge, or the reason it could not be judged (then it is
 * dead-lettered; judgements of the panel that did succeed stay stored and are reused on re-drive).
 */
public record JudgedResponse(ResponseGenerated response, List<JudgementRecorded> judgements, String failure) {

    public boolean failed() {
        return failure != null;
    }
}
