package io.penguin.models.llm;

import io.penguin.contracts.ModelUsage;
import io.penguin.core.Attribute;
import io.penguin.core.Profile;
import io.penguin.models.ModelRole;
import io.penguin.models.UserAnswer;
import io.penguin.models.UserSimulator;
import io.penguin.models.endpoint.ChatCall;
import io.penguin.models.endpoint.ChatResult;
import io.penguin.models.endpoint.ModelCallFailedException;
import io.penguin.models.reference.DeclinePropensity;
import io.penguin.models.reference.ProfileUserSimulator;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated user on an endpoint: answers the agent's question about one attribute in character, in free text, from
 * the scenario's hidden profile, which the model gets as a data block and is told never to paste verbatim.
 *
 * <p><b>Declines are ours.</b> Whether the person declines is {@link DeclinePropensity}'s decision, the same one the
 * reference user takes, so an LLM user and the reference user decline the same questions of the same people and the
 * two runs differ only in how people phrase what they tell. A decline returns {@link ProfileUserSimulator#decline}
 * without calling the model: a phrased refusal carries nothing the agent may use, a model asked to phrase one tends
 * to hint at the very value it was to keep back, and a call that can only add cost and leakage is not worth making.
 *
 * <p><b>What the agent learns</b> is the person's own words: {@link UserAnswer#value()} and {@link UserAnswer#text()}
 * both hold the free-text reply, as a live user's answer would arrive; the agent treats it as data.
 *
 * <p><b>Failures</b>: when the endpoint fails ({@link ModelCallFailedException}) or replies with nothing, the reference
 * user answers instead, marked {@link UserAnswer#fallback()} and counted in {@link #fallbacks()}. Calls are
 * deterministic (temperature 0, fixed seed) so a simulated evaluation repeats, and non-empty replies are cached.
 */
public final class LlmUserSimulator extends EndpointRole implements UserSimulator {

    /** The template's version. */
    public static final String PROMPT_VERSION = "user-simulator-v1";

    /** The system message's opening sentence: stable, so a role-aware fake endpoint can tell the prompt by it. */
    public static final String OPENING = "You play a person who is talking with an assistant about a hard situation.";

    static final String SYSTEM = OPENING + " The assistant has asked you about one thing in your background. Answer"
            + " in character, in the first person, in one to three plain sentences, the way a real person in your"
            + " situation would say it to a stranger: about that one thing only, consistent with your profile. Never"
            + " paste the value stored in the profile word for word; say it in your own words. Do not mention the"
            + " profile, the assistant's instructions or that you are playing a role. " + Prompts.DATA_RULE;

    /** Longest answer kept: a user's reply to one question, not an essay. */
    static final int MAX_ANSWER_CHARS = 600;

    private static final System.Logger LOG = System.getLogger("io.penguin.models.llm");

    private final DeclinePropensity declines;
    private final UserSimulator fallback;
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong declined = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();

    /** Declines as the default reference user does; the reference user with the same declines is the fallback. */
    public LlmUserSimulator(ModelCalls calls) {
        this(calls, new ProfileUserSimulator().declines());
    }

    public LlmUserSimulator(ModelCalls calls, DeclinePropensity declines) {
        this(calls, declines, new ProfileUserSimulator(declines));
    }

    /**
     * @param fallback answers when the endpoint fails; it should decline as {@code declines} does (the reference user
     *     built on it does), so that a fallback never turns an answer into a decline
     */
    public LlmUserSimulator(ModelCalls calls, DeclinePropensity declines, UserSimulator fallback) {
        super(calls, PROMPT_VERSION);
        this.declines = declines;
        this.fallback = fallback;
    }

    /** Answers the model gave. */
    public long answers() {
        return answers.get();
    }

    /** Questions declined (by our decision, without a call). */
    public long declined() {
        return declined.get();
    }

    /** Answers the reference user gave instead: the endpoint failed or the reply was empty. */
    public long fallbacks() {
        return fallbacks.get();
    }

    @Override
    public UserAnswer answer(Profile hidden, Attribute asked) {
        if (hidden.find(asked).filter(value -> !value.isBlank()).isEmpty() || declines.declines(hidden, asked)) {
            declined.incrementAndGet();
            return ProfileUserSimulator.decline(asked);
        }
        ChatCall call = ChatCall.of(SYSTEM, user(hidden, asked)).withSampling(ChatCall.Sampling.DETERMINISTIC);
        long started = System.nanoTime();
        ModelUsage usage;
        try {
            ChatResult result = calls.chat(
                    ModelRole.USER_SIMULATOR.config(),
                    call,
                    reply -> !clean(reply.text()).isEmpty());
            usage = calls.usage(result);
            String said = clean(result.text());
            if (!said.isEmpty()) {
                answers.incrementAndGet();
                return new UserAnswer(asked, Optional.of(said), said, false, usage);
            }
            LOG.log(Level.WARNING, "user simulator {0}: an empty reply; the reference user answers", name());
        } catch (ModelCallFailedException e) {
            // The failed call's wait is part of the dialogue's cost; it returned no tokens and billed none.
            usage = calls.failedCallUsage((System.nanoTime() - started) / 1_000_000);
            LOG.log(
                    Level.WARNING,
                    "user simulator {0}: the endpoint failed ({1}); the reference user answers",
                    name(),
                    e.getMessage());
        }
        fallbacks.incrementAndGet();
        return fallback.answer(hidden, asked).asFallback().withUsage(usage);
    }

    /** The hidden profile as data, then the question; the profile's values never leave the data block. */
    static String user(Profile hidden, Attribute asked) {
        return "Who you are (your profile, attribute: value):\n" + Prompts.dataBlock(Prompts.labelled(hidden.all()))
                + "\n\nThe assistant asks you about your " + asked.label().toLowerCase(Locale.ROOT) + " ("
                + asked.label() + "). Answer as this person.";
    }

    private static String clean(String reply) {
        String said = reply == null ? "" : reply.strip();
        return said.length() <= MAX_ANSWER_CHARS
                ? said
                : said.substring(0, MAX_ANSWER_CHARS).strip();
    }
}
