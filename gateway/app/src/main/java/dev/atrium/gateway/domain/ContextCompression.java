package dev.atrium.gateway.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a conversation into a model's context by dropping messages from the middle (as
 * OpenRouter's middle-out): system messages, the first user turn and the latest turns stay.
 */
public final class ContextCompression {

    private ContextCompression() {
    }

    /** A message reduced to what the trim needs: its role and its length in characters. */
    public record Message(String role, long characters) {
    }

    /**
     * @return the indexes of the messages to keep, in order; all of them when they already fit
     */
    public static List<Integer> keep(List<Message> messages, int contextLength, int reservedForAnswer) {
        long budget = Math.max(1, (long) contextLength - Math.max(0, reservedForAnswer));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            kept.add(i);
        }
        long tokens = messages.stream().mapToLong(m -> PromptEstimate.tokens(m.characters())).sum();
        int firstUser = -1;
        for (int i = 0; i < messages.size(); i++) {
            if ("user".equals(messages.get(i).role())) {
                firstUser = i;
                break;
            }
        }
        // Drop from the middle outwards, never the system messages, the first user turn or the last message.
        while (tokens > budget) {
            int middle = -1;
            int centre = kept.size() / 2;
            for (int offset = 0; offset <= kept.size() && middle < 0; offset++) {
                for (int candidate : new int[] {centre - offset, centre + offset}) {
                    if (candidate <= 0 || candidate >= kept.size() - 1) {
                        continue;
                    }
                    int index = kept.get(candidate);
                    if (!"system".equals(messages.get(index).role()) && index != firstUser) {
                        middle = candidate;
                        break;
                    }
                }
            }
            if (middle < 0) {
                break;
            }
            tokens -= PromptEstimate.tokens(messages.get(kept.get(middle)).characters());
            kept.remove(middle);
        }
        return kept;
    }
}
