package io.penguin.models.llm;

/** The judge's output stayed invalid after every re-ask: the judgement failed, explicitly. No score is made up. */
public class JudgeOutputException extends RuntimeException {

    public JudgeOutputException(String judge, int attempts, String problem) {
        super("judge '" + judge + "' gave no valid verdict in " + attempts + " attempt(s); last problem: " + problem);
    }
}
