package io.penguin.catalog;

import io.penguin.core.Attribute;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import io.penguin.core.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable scenario ids: a hash of what the scenario is (issue, the ten profile values in attribute order, query), so the
 * same scenario gets the same id whether it is generated again, imported again or exported and re-imported.
 */
public final class ScenarioIds {

    /** Prefix of content-derived ids; the built-in scenarios keep their own {@code builtin-NN} ids. */
    public static final String PREFIX = "sc-";

    private static final char SEPARATOR = '\u001f';

    private ScenarioIds() {}

    public static String of(String issue, Profile profile, String query) {
        StringBuilder text = new StringBuilder(issue.trim());
        for (Attribute attribute : Attribute.values()) {
            text.append(SEPARATOR).append(profile.get(attribute));
        }
        text.append(SEPARATOR).append(query.trim());
        return PREFIX + HexFormat.of().formatHex(sha256(text.toString()), 0, 10);
    }

    /**
     * The person a profile describes: a hash of its ten values in attribute order. Every scenario with the same values
     * has the same person, whatever its issue, query or the file it came from.
     */
    public static String person(Profile profile) {
        StringBuilder text = new StringBuilder();
        for (Attribute attribute : Attribute.values()) {
            text.append(profile.get(attribute)).append(SEPARATOR);
        }
        return "person-" + HexFormat.of().formatHex(sha256(text.toString()), 0, 10);
    }

    /** A scenario of an issue, with its stable id. */
    public static Scenario scenario(Taxonomy.IssuePlace place, Profile profile, String query) {
        return new Scenario(
                of(place.issue(), profile, query), place.domain(), place.subcategory(), place.issue(), query, profile);
    }

    /** A number in [0, 1) from an id: uniform, and the same on every machine. */
    public static double unit(String id) {
        byte[] digest = sha256(id);
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return bits / (double) (1L << 56);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
