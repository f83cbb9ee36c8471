package io.penguin.models.llm;

/**
 * What every role an endpoint plays has in common: it is named after the endpoint, it is not a reference model, and
 * it answers with one prompt version.
 */
abstract class EndpointRole {

    final ModelCalls calls;
    private final String promptVersion;

    EndpointRole(ModelCalls calls, String promptVersion) {
        this.calls = calls;
        this.promptVersion = promptVersion;
    }

    public String name() {
        return calls.endpoint().name();
    }

    public boolean reference() {
        return false;
    }

    public String promptVersion() {
        return promptVersion;
    }
}
