package io.penguin.planning;

import io.penguin.core.Attribute;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Sets of attributes as bit masks (bit = ordinal): the memo key, cheap to hash and compare. */
public final class AttributeSets {

    static final Attribute[] ALL = Attribute.values();

    private AttributeSets() {}

    public static int mask(Collection<Attribute> attributes) {
        int mask = 0;
        for (Attribute attribute : attributes) {
            mask |= 1 << attribute.ordinal();
        }
        return mask;
    }

    public static int with(int mask, Attribute attribute) {
        return mask | (1 << attribute.ordinal());
    }

    public static boolean contains(int mask, Attribute attribute) {
        return (mask & (1 << attribute.ordinal())) != 0;
    }

    public static Set<Attribute> toSet(int mask) {
        EnumSet<Attribute> set = EnumSet.noneOf(Attribute.class);
        for (Attribute attribute : ALL) {
            if (contains(mask, attribute)) {
                set.add(attribute);
            }
        }
        return set;
    }

    /** The number of sets of at most {@code size} attributes out of ten: what the exhaustive search evaluates. */
    public static int countUpTo(int size) {
        int count = 0;
        for (int k = 0; k <= Math.min(size, ALL.length); k++) {
            count += binomial(ALL.length, k);
        }
        return count;
    }

    private static int binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return (int) result;
    }
}
