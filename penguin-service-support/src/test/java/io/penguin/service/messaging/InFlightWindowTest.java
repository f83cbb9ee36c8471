package io.penguin.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {

    private static boolean admitted(CompletionStage<Void> admission) {
        return admission.toCompletableFuture().isDone();
    }

    @Test
    void admitsItemsUpToItsCapacityAndTheNextOnlyWhenOneIsReleased() {
        InFlightWindow window = InFlightWindow.fixed(2);
        assertThat(admitted(window.admit())).isTrue();
        assertThat(admitted(window.admit())).isTrue();
        CompletionStage<Void> third = window.admit();
        assertThat(admitted(third)).isFalse();
        assertThat(window.inFlight()).isEqualTo(2);

        window.release();

        assertThat(admitted(third)).isTrue();
        assertThat(window.inFlight()).isEqualTo(2);
        assertThat(window.peak()).isEqualTo(2);
    }

    @Test
    void waitingAdmissionsAreServedInTheOrderTheyCame() {
        InFlightWindow window = InFlightWindow.fixed(1);
        window.admit();
        StringBuilder order = new StringBuilder();
        window.admit().thenRun(() -> order.append('a'));
        window.admit().thenRun(() -> order.append('b'));

        window.release();
        window.release();

        assertThat(order).hasToString("ab");
    }

    @Test
    void followsACapacityThatShrinksAndGrows() {
        AtomicInteger capacity = new AtomicInteger(3);
        InFlightWindow window = new InFlightWindow(capacity::get);
        window.admit();
        window.admit();
        window.admit();
        capacity.set(1);
        CompletionStage<Void> next = window.admit();

        window.release();
        window.release();
        assertThat(admitted(next))
                .as("two of three out is still at the shrunken capacity")
                .isFalse();
        window.release();
        assertThat(admitted(next)).isTrue();

        capacity.set(4);
        assertThat(admitted(window.admit())).isTrue();
        assertThat(admitted(window.admit())).isTrue();
        assertThat(window.inFlight()).isEqualTo(3);
        assertThat(window.peak()).isEqualTo(3);
    }

    @Test
    void aNewAdmissionDoesNotOvertakeOnesAlreadyWaiting() {
        AtomicInteger capacity = new AtomicInteger(1);
        InFlightWindow window = new InFlightWindow(capacity::get);
        window.admit();
        CompletionStage<Void> waiting = window.admit();
        capacity.set(2);

        CompletionStage<Void> later = window.admit();

        assertThat(admitted(waiting)).isFalse();
        assertThat(admitted(later)).isFalse();
        window.release();
        assertThat(admitted(waiting)).isTrue();
        assertThat(admitted(later)).isTrue();
    }

    @Test
    void anAdmissionWhoseContinuationAsksAgainIsServedWithoutDeadlock() {
        InFlightWindow window = InFlightWindow.fixed(1);
        window.admit();
        CompletableFuture<Void> second = new CompletableFuture<>();
        window.admit().thenRun(() -> window.admit().thenRun(() -> second.complete(null)));

        window.release();
        assertThat(second).isNotDone();
        window.release();

        assertThat(second).isDone();
    }

    @Test
    void refusesAReleaseWithoutAnAdmission() {
        assertThatThrownBy(() -> InFlightWindow.fixed(1).release()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void alwaysAllowsOneItemEvenWhenTheCapacityReadsZero() {
        assertThat(admitted(new InFlightWindow(() -> 0).admit())).isTrue();
    }
}
