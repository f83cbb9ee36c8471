package io.penguin.models.llm;

import io.penguin.contracts.ModelUsage;
import io.penguin.models.ModelRole;
import io.penguin.models.UsageTally;
import io.penguin.models.endpoint.ChatCall;
import io.penguin.models.endpoint.ChatResult;
import io.penguin.models.endpoint.ModelCallFailedException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Asks a model for a reply that must parse, and re-asks with the problems named when it does not: the reply and the
 * re-ask are added to the conversation, so the model sees what it wrote and what was wrong with it. At most
 * {@code maxReasks} re-asks; only replies that parse are cached. What the caller does with an invalid outcome (fail,
 * give up the item, let a fallback decide) is its own.
 */
public final class Reasking {

    /** What one role counts while asking; every method is optional. */
    public interface Observer {
        /** A reply came (a re-ask's included). */
        default void replied() {}

        /** A reply did not parse. */
        default void rejected(List<String> problems) {}

        /** A re-ask is sent after an invalid reply. */
        default void reasked() {}
    }

    /** The counts the roles report: replies read (re-asks included) and replies that did not parse. */
    public static final class Counter implements Observer {
        private final AtomicLong replies = new AtomicLong();
        private final AtomicLong invalid = new AtomicLong();

        @Override
        public void replied() {
            replies.incrementAndGet();
        }

        @Override
        public void rejected(List<String> problems) {
            invalid.incrementAndGet();
        }

        public long replies() {
            return replies.get();
        }

        public long invalid() {
            return invalid.get();
        }
    }

    /**
     * What came of asking.
     *
     * @param reply the last reply read: the value, or the problems of the last invalid reply when every attempt was
     *     invalid
     * @param attempts the replies read
     * @param usage every attempt's usage summed
     */
    public record Outcome<T>(Parsed<T> reply, int attempts, ModelUsage usage) {

        public boolean valid() {
            return reply.valid();
        }

        /** The valid value, or null. */
        public T value() {
            return reply.value();
        }
    }

    private final ModelCalls calls;
    private final String role;
    private final int maxReasks;

    /** @throws IllegalArgumentException when {@code maxReasks} is negative, naming the role */
    public Reasking(ModelCalls calls, ModelRole role, int maxReasks) {
        if (maxReasks < 0) {
            throw new IllegalArgumentException(role.config() + " re-asks must be 0 or more, was " + maxReasks);
        }
        this.calls = calls;
        this.role = role.config();
        this.maxReasks = maxReasks;
    }

    public int maxReasks() {
        return maxReasks;
    }

    /**
     * Asks until a reply parses or the re-asks are spent.
     *
     * @param parser reads a reply's text
     * @param reask the re-ask message for an invalid reply's problems
     * @throws ModelCallFailedException when a call fails (retries spent, circuit open)
     */
    public <T> Outcome<T> ask(
            ChatCall call,
            Function<String, Parsed<T>> parser,
            Function<List<String>, String> reask,
            Observer observer) {
        return ask(
                call,
                parser,
                reask,
                observer,
                new UsageTally(
                        calls.endpoint().name(), calls.endpoint().settings().provider()));
    }

    /**
     * The same, summing into {@code usage}: when a call fails, the earlier attempts and the failed call's wait (no
     * tokens) are in it before the exception is thrown, for a caller that lets a fallback decide.
     */
    public <T> Outcome<T> ask(
            ChatCall call,
            Function<String, Parsed<T>> parser,
            Function<List<String>, String> reask,
            Observer observer,
            UsageTally usage) {
        Parsed<T> parsed = null;
        int attempt = 0;
        while (true) {
            long started = System.nanoTime();
            ChatResult result;
            try {
                result = calls.chat(
                        role, call, reply -> parser.apply(reply.text()).valid());
            } catch (ModelCallFailedException e) {
                usage.add(calls.failedCallUsage((System.nanoTime() - started) / 1_000_000));
                throw e;
            }
            attempt++;
            usage.add(calls.usage(result));
            observer.replied();
            parsed = parser.apply(result.text());
            if (parsed.valid()) {
                break;
            }
            observer.rejected(parsed.problems());
            if (attempt > maxReasks) {
                break;
            }
            observer.reasked();
            call = call.followedBy(result.text(), reask.apply(parsed.problems()));
        }
        return new Outcome<>(parsed, attempt, usage.total());
    }
}
