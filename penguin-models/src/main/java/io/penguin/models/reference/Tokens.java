package io.penguin.models.reference;

/** A token estimate for models that report none: about 1.3 tokens per word, as for English with BPE tokenizers. */
final class Tokens {

    private Tokens() {}

    static int estimate(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int words = text.trim().split("\\s+").length;
        return (int) Math.ceil(words * 1.3);
    }
}
