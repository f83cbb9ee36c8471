package io.penguin.models.reference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Whether a response mentions a profile value: any of its significant words, as a whole word. */
final class TextMatch {

    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "with", "from", "for", "but", "not", "has", "have", "had", "was", "are", "who", "yes", "some",
            "very", "years", "year", "ago", "mild", "level", "status", "degree");

    private TextMatch() {}

    static boolean mentions(String response, String value) {
        String text = " " + normalize(response) + " ";
        return Arrays.stream(normalize(value).split(" "))
                .filter(word -> isSignificant(word))
                .anyMatch(word -> text.contains(" " + word + " "));
    }

    private static boolean isSignificant(String word) {
        if (word.isEmpty() || STOP_WORDS.contains(word)) {
            return false;
        }
        return word.chars().allMatch(Character::isDigit) || word.length() >= 4;
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
