package io.penguin.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.models.endpoint.EndpointObserver;
import io.penguin.models.endpoint.EndpointSettings;
import io.penguin.models.endpoint.ModelEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightLimitsTest {

    private static ConsumerConfig config(int min, int max, double perSlot) {
        return new ConsumerConfig() {
            @Override
            public int maxInFlight() {
                return max;
            }

            @Override
            public int minInFlight() {
                return min;
            }

            @Override
            public double itemsPerEndpointSlot() {
                return perSlot;
            }
        };
    }

    private static ModelEndpoint endpoint(String name, int concurrency) {
        return new ModelEndpoint(
                EndpointSettings.builder(name, "http://localhost:1/v1", "m")
                        .concurrency(concurrency)
                        .build(),
                call -> {
                    throw new UnsupportedOperationException("never called");
                },
                EndpointObserver.NONE);
    }

    @Test
    void sizesTheWindowFromTheEndpointsConcurrencyLimitsSummed() {
        InFlightLimits limits =
                new InFlightLimits(List.of(endpoint("a", 64), endpoint("b", 16)), config(8, 1000, 1.25));
        assertThat(limits.getAsInt()).isEqualTo(100);
    }

    @Test
    void keepsTheMinimumWhenNoEndpointIsConfigured() {
        assertThat(new InFlightLimits(List.of(), config(32, 512, 1.25)).getAsInt())
                .isEqualTo(32);
    }

    @Test
    void neverExceedsTheMaximumHoweverLargeTheEndpointsLimits() {
        assertThat(new InFlightLimits(List.of(endpoint("a", 4000)), config(32, 512, 1.25)).getAsInt())
                .isEqualTo(512);
    }

    @Test
    void refusesAMinimumAboveTheMaximum() {
        assertThatThrownBy(() -> new InFlightLimits(List.of(), config(64, 32, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-in-flight");
    }
}
