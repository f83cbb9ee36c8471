package io.penguin.models.reference;

import io.penguin.core.Attribute;
import io.penguin.core.Profile;
import io.penguin.models.UserAnswer;
import io.penguin.models.UserSimulator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The offline reference user: answers a question about one attribute with the hidden profile's value. It declines
 * when the profile holds nothing for the attribute, and for the private attributes (Past Self-Harm History, Mental
 * Health Status) as {@link DeclinePropensity} decides: per person, with a mean share of declines as configured, the
 * same person declining the same question every time. Deterministic, no network.
 */
public final class ProfileUserSimulator implements UserSimulator {

    public static final String NAME = "reference-user";

    /** Since v2 a decline follows the person (the whole profile), not the value asked about. */
    public static final String PROMPT_VERSION = "reference-user-v2";

    /** What people in distress most often keep to themselves. */
    public static final Set<Attribute> PRIVATE = DeclinePropensity.PRIVATE;

    static final String DECLINE = "I'd rather not talk about that.";

    private final DeclinePropensity declines;

    /** A user who declines a private attribute in a quarter of cases on average. */
    public ProfileUserSimulator() {
        this(0.25, 17);
    }

    public ProfileUserSimulator(double declineShare, long seed) {
        this(new DeclinePropensity(declineShare, seed));
    }

    public ProfileUserSimulator(DeclinePropensity declines) {
        this.declines = declines;
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
    public String promptVersion() {
        return PROMPT_VERSION;
    }

    /** Who declines what. */
    public DeclinePropensity declines() {
        return declines;
    }

    @Override
    public UserAnswer answer(Profile hidden, Attribute asked) {
        Optional<String> value = hidden.find(asked).filter(text -> !text.isBlank());
        if (value.isEmpty() || declines.declines(hidden, asked)) {
            return decline(asked);
        }
        return new UserAnswer(asked, value, "My " + asked.label().toLowerCase(Locale.ROOT) + ": " + value.get() + ".");
    }

    /** The decline every simulator gives: no model call, nothing about the value. */
    public static UserAnswer decline(Attribute asked) {
        return new UserAnswer(asked, Optional.empty(), DECLINE);
    }
}
