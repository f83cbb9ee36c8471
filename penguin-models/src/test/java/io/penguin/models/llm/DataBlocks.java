package io.penguin.models.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Reads the data blocks of a prompt for tests, failing when one is left open or nested. */
final class DataBlocks {

    private DataBlocks() {}

    /** The contents of the data blocks, in order. */
    static List<String> of(String text) {
        List<String> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf(Prompts.DATA_OPEN, from);
            if (open < 0) {
                assertThat(text.indexOf(Prompts.DATA_CLOSE, from))
                        .as("a close without an open")
                        .isNegative();
                return blocks;
            }
            int close = text.indexOf(Prompts.DATA_CLOSE, open);
            assertThat(close).as("block opened at %d is closed", open).isPositive();
            String content = text.substring(open + Prompts.DATA_OPEN.length(), close);
            assertThat(content).as("no block inside a block").doesNotContain(Prompts.DATA_OPEN);
            blocks.add(content.trim());
            from = close + Prompts.DATA_CLOSE.length();
        }
    }

    /** The text outside every data block. */
    static String outside(String text) {
        StringBuilder outside = new StringBuilder();
        int from = 0;
        while (true) {
            int open = text.indexOf(Prompts.DATA_OPEN, from);
            if (open < 0) {
                return outside.append(text.substring(from)).toString();
            }
            outside.append(text, from, open);
            from = text.indexOf(Prompts.DATA_CLOSE, open) + Prompts.DATA_CLOSE.length();
        }
    }
}
