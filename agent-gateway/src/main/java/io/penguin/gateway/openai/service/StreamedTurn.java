package io.penguin.gateway.openai.service;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One turn taken on a thread of its own while its caller writes the reply: the answer's pieces as the target model
 * makes them, then the whole reply or the failure, handed over in order. The caller reads the first event before it
 * commits to a streamed response, so a turn that fails before its first piece is still answered with a status.
 */
public final class StreamedTurn {

    /** What the turn handed over. */
    public sealed interface Event permits Delta, Done, Failed {}

    /** A piece of the answer's text. */
    public record Delta(String text) implements Event {}

    /** The turn is over; an answer's text was handed over in the deltas before, a question's was not. */
    public record Done(AgentReply reply) implements Event {}

    /** The turn failed; nothing follows. */
    public record Failed(Throwable error) implements Event {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private StreamedTurn() {}

    /** Starts {@code turn} on the executor, giving it the consumer of its answer's pieces. */
    static StreamedTurn start(Executor executor, Function<Consumer<String>, AgentReply> turn) {
        StreamedTurn stream = new StreamedTurn();
        try {
            executor.execute(() -> {
                try {
                    stream.events.add(new Done(turn.apply(piece -> stream.events.add(new Delta(piece)))));
                } catch (Throwable e) { // handed over whatever it is, so that the reader never waits in vain
                    stream.events.add(new Failed(e));
                }
            });
        } catch (RejectedExecutionException e) {
            stream.events.add(new Failed(e));
        }
        return stream;
    }

    /** The next event, waiting for it; after {@link Done} or {@link Failed} there is none. */
    public Event next() throws InterruptedException {
        return events.take();
    }
}
