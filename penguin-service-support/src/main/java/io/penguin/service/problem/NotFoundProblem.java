package io.penguin.service.problem;

/** A named thing (a run, a scenario) does not exist. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String message) {
        super(message);
    }
}
