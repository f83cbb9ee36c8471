package io.penguin.catalog.formats;

/** The file cannot be read on from here (not JSON, truncated, not an array): a problem with no record to skip. */
public class MalformedFileException extends RuntimeException {

    private final ImportProblem problem;

    public MalformedFileException(ImportProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public ImportProblem problem() {
        return problem;
    }
}
