package io.penguin.models.llm;

import io.penguin.fakellm.FakeLlmServer;
import io.penguin.models.cache.CallCache;
import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.endpoint.ModelEndpoint;

/** The way to a fake server for one role's tests: no retries, no cache, no accounting. */
final class TestEndpoints {

    private TestEndpoints() {}

    static ModelCalls calls(FakeLlmServer fake, String name) {
        return new ModelCalls(
                ModelEndpoint.openAi(
                        EndpointSettings.builder(name, fake.baseUrl(), name + "-model")
                                .maxRetries(0)
                                .build(),
                        EndpointObserver.NONE),
                CallCache.NONE,
                CallAccounting.NONE);
    }
}
