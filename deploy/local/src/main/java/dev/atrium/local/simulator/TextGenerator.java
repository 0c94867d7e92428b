package dev.atrium.local.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic answers, so that tests and benchmarks can predict tokens and cost exactly.
 *
 * <ul>
 *   <li>prompt tokens = max(1, ceil(promptChars / 4)), where promptChars counts the characters of
 *       every message's text (and the Anthropic system prompt);</li>
 *   <li>the answer's words are {@code Simulated answer from <provider> to:}, then the first
 *       {@value #ECHOED_WORDS} whitespace-separated words of the last user message, then filler
 *       words cycling through a fixed list;</li>
 *   <li>completion tokens = words written = min(target, max_tokens), where target is the
 *       provider's {@code completion_tokens} setting (16 by default); the answer is marked
 *       truncated when max_tokens was below the target; a provider set to ignore max_tokens writes the
 *       target whatever the request says.</li>
 * </ul>
 */
final class TextGenerator {

    static final int ECHOED_WORDS = 8;

    private static final String[] FILLER = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur",
        "adipiscing", "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore", "et"};

    Completion complete(CompletionRequest request, int targetTokens) {
        return complete(request, targetTokens, false);
    }

    Completion complete(CompletionRequest request, int targetTokens, boolean ignoreMaxTokens) {
        int limit = request.maxTokens() == null || ignoreMaxTokens ? targetTokens
                : Math.min(targetTokens, request.maxTokens());
        return new Completion(words(request.provider(), request.lastUserText(), limit),
                promptTokens(request.promptChars()), limit < targetTokens);
    }

    static int promptTokens(long promptChars) {
        return (int) Math.max(1, (promptChars + 3) / 4);
    }

    private static List<String> words(String provider, String lastUserText, int count) {
        List<String> words = new ArrayList<>(count);
        addUpTo(words, count, "Simulated", "answer", "from", provider, "to:");
        String trimmed = lastUserText.strip();
        if (!trimmed.isEmpty()) {
            String[] echoed = trimmed.split("\\s+", ECHOED_WORDS + 1);
            addUpTo(words, count, Arrays.copyOf(echoed, Math.min(echoed.length, ECHOED_WORDS)));
        }
        for (int i = 0; words.size() < count; i++) {
            words.add(FILLER[i % FILLER.length]);
        }
        return words;
    }

    private static void addUpTo(List<String> words, int count, String... more) {
        for (String word : more) {
            if (words.size() == count) {
                return;
            }
            words.add(word);
        }
    }
}
