package io.penguin.models.reference;

import io.penguin.core.Attribute;
import io.penguin.core.Profile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Whether a simulated person declines to tell one of the private attributes: the decision every user simulator, offline
 * or LLM, takes in our code (a model never decides it).
 *
 * <p>A <b>person</b> is the whole hidden profile: SHA-256 of the seed and all ten values in the taxonomy's order. Each
 * person gets a <b>propensity</b>, a seeded draw from the uniform distribution of mean {@code declineShare} on the
 * widest interval inside [0, 1] centred on it ({@code [m - w, m + w]}, {@code w = min(m, 1 - m)}): some people keep
 * almost everything to themselves, others almost nothing, and over many people the share of private questions declined
 * is the configured one. Then each (person, private attribute) draws once against that propensity. Same person, same
 * question: same decision, every time. Two people who share a self-harm history but differ elsewhere decide
 * independently, which a hash of the value alone could not do.
 *
 * @param declineShare the mean propensity, in [0, 1]
 * @param seed changes every person's draws
 */
public record DeclinePropensity(double declineShare, long seed) {

    /** What people in distress most often keep to themselves. */
    public static final Set<Attribute> PRIVATE =
            Set.of(Attribute.PAST_SELF_HARM_HISTORY, Attribute.MENTAL_HEALTH_STATUS);

    public DeclinePropensity {
        if (!(declineShare >= 0 && declineShare <= 1)) {
            throw new IllegalArgumentException("user simulator: decline share " + declineShare + " is not in [0, 1]");
        }
    }

    /** True when this person will not tell {@code asked}: only ever for a private attribute. */
    public boolean declines(Profile hidden, Attribute asked) {
        if (!PRIVATE.contains(asked)) {
            return false;
        }
        byte[] person = person(hidden);
        return unit(digest(person, "decline|" + asked.name())) < propensity(person);
    }

    /** This person's propensity to decline a private question, in [0, 1]; its mean over people is the share. */
    public double propensity(Profile hidden) {
        return propensity(person(hidden));
    }

    private double propensity(byte[] person) {
        double halfWidth = Math.min(declineShare, 1 - declineShare);
        double draw = unit(digest(person, "propensity"));
        return declineShare - halfWidth + 2 * halfWidth * draw;
    }

    /** The stable identity of a person: the seed and every value of the profile, in the taxonomy's order. */
    private byte[] person(Profile hidden) {
        StringBuilder identity = new StringBuilder().append(seed);
        for (Attribute attribute : Attribute.values()) {
            // A separator no value holds keeps "a|bc" and "ab|c" apart.
            identity.append('\u001f').append(hidden.find(attribute).orElse(""));
        }
        return sha256(identity.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(byte[] person, String purpose) {
        byte[] label = purpose.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[person.length + label.length];
        System.arraycopy(person, 0, input, 0, person.length);
        System.arraycopy(label, 0, input, person.length, label.length);
        return sha256(input);
    }

    /** The first 56 bits of a digest as a number in [0, 1). */
    private static double unit(byte[] digest) {
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return bits / (double) (1L << 56);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
