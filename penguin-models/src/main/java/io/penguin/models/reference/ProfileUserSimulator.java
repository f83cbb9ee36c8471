package io.penguin.models.reference;

import io.penguin.core.Attribute;
import io.penguin.core.Profile;
import io.penguin.models.UserAnswer;
import io.penguin.models.UserSimulator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The offline reference user: answers a question about one attribute with the hidden profile's value. It declines
 * when the profile holds nothing for the attribute, and for the private attributes (Past Self-Harm History, Mental
 * Health Status) in a configured share of profiles, chosen by a hash of the seed, the attribute and the value: the
 * same user declines the same question every time. Deterministic, no network.
 */
public final class ProfileUserSimulator implements UserSimulator {

    public static final String NAME = "reference-user";

    /** What people in distress most often keep to themselves. */
    public static final Set<Attribute> PRIVATE =
            Set.of(Attribute.PAST_SELF_HARM_HISTORY, Attribute.MENTAL_HEALTH_STATUS);

    private final double declineShare;
    private final long seed;

    /** A user who declines a private attribute in a quarter of profiles. */
    public ProfileUserSimulator() {
        this(0.25, 17);
    }

    public ProfileUserSimulator(double declineShare, long seed) {
        if (declineShare < 0 || declineShare > 1) {
            throw new IllegalArgumentException("user simulator: decline share " + declineShare + " is not in [0, 1]");
        }
        this.declineShare = declineShare;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reference() {
        return true;
    }

    @Override
    public UserAnswer answer(Profile hidden, Attribute asked) {
        Optional<String> value = hidden.find(asked).filter(text -> !text.isBlank());
        if (value.isEmpty() || (PRIVATE.contains(asked) && draw(asked, value.get()) < declineShare)) {
            return new UserAnswer(asked, Optional.empty(), "I'd rather not talk about that.");
        }
        return new UserAnswer(asked, value, "My " + asked.label().toLowerCase(Locale.ROOT) + ": " + value.get() + ".");
    }

    /** A number in [0, 1) fixed by the seed, the attribute and the value. */
    private double draw(Attribute attribute, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "|" + attribute.name() + "|" + value).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return bits / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
