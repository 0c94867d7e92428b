package dev.atrium.local.simulator;

import java.util.List;

/**
 * A generated answer: one word is one completion token.
 *
 * @param words        the words written, in order
 * @param promptTokens tokens billed for the input
 * @param truncated    true when the caller's max_tokens cut the answer short
 */
record Completion(List<String> words, int promptTokens, boolean truncated) {

    Completion {
        words = List.copyOf(words);
    }

    int completionTokens() {
        return words.size();
    }

    String text() {
        return String.join(" ", words);
    }

    /** The piece of text a stream sends for word {@code index}, so that the pieces join to {@link #text()}. */
    String piece(int index) {
        return index == 0 ? words.get(0) : " " + words.get(index);
    }
}
