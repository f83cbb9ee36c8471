package io.penguin.gateway.sessions.service;

import java.util.ArrayList;
import java.util.List;

/** A complete text cut into the pieces a streamed reply sends. */
public final class TextDeltas {

    private TextDeltas() {}

    /** Pieces of about {@code size} characters, each ending at a space where there is one; joined, the text. */
    public static List<String> split(String text, int size) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + Math.max(1, size));
            while (end < text.length() && !Character.isWhitespace(text.charAt(end - 1))) {
                end++;
            }
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
