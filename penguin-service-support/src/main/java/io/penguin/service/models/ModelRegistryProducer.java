package io.penguin.service.models;

import io.penguin.models.ModelRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one model registry of a service. Today it holds the offline reference models. */
public class ModelRegistryProducer {

    @Produces
    @Singleton
    ModelRegistry modelRegistry() {
        return ModelRegistry.withReferenceModels();
    }
}
