package dev.atrium.gateway.domain;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a stream relayed so far, and the completion it may not pass: the tokens its reservation covers,
 * every choice together. Relayed tokens are estimated low, so that a provider that keeps to its
 * {@code max_tokens} always ends first: one per piece of output, and one per {@value #CHARS_PER_TOKEN}
 * characters of a longer piece. The upstream's own usage, when it sends it, is what the record carries;
 * otherwise (a stream cut, cancelled or without usage) the estimate is.
 */
public final class StreamTally {

    static final int CHARS_PER_TOKEN = 8;

    private final long completionLimit;
    private long reportedPrompt = -1;
    private long reportedCompletion = -1;
    private long relayedTokens;
    private final Set<Integer> choices = new TreeSet<>();
    private boolean cut;
    private String finishReason;
    private Long firstTokenAfterMs;

    /** A stream with no bound. */
    public StreamTally() {
        this(Long.MAX_VALUE);
    }

    /** @param completionLimit completion tokens the reservation covers, every choice together */
    public StreamTally(long completionLimit) {
        this.completionLimit = completionLimit;
    }

    /**
     * Counts a piece of output ({@code characters} of content, reasoning or tool-call arguments) of choice
     * {@code choice}. False, counting nothing, when it would pass the bound: the stream is cut there.
     */
    public boolean output(int choice, int characters, long elapsedMs) {
        if (characters <= 0) {
            return true;
        }
        long tokens = Math.max(1, characters / CHARS_PER_TOKEN);
        if (relayedTokens + tokens > completionLimit) {
            cut = true;
            return false;
        }
        relayedTokens += tokens;
        choices.add(choice);
        if (firstTokenAfterMs == null) {
            firstTokenAfterMs = elapsedMs;
        }
        return true;
    }

    /** True once a piece of output did not fit: nothing after it was relayed. */
    public boolean cut() {
        return cut;
    }

    /** The choices that wrote something, in order; at least choice 0. */
    public Set<Integer> choices() {
        return choices.isEmpty() ? Set.of(0) : Set.copyOf(choices);
    }

    public void finish(String reason) {
        finishReason = reason;
    }

    public void usage(long prompt, long completion) {
        reportedPrompt = prompt;
        reportedCompletion = completion;
    }

    public boolean hasReportedUsage() {
        return reportedPrompt >= 0;
    }

    public Usage usage(long estimatedPromptTokens) {
        return hasReportedUsage() ? new Usage(reportedPrompt, reportedCompletion)
                : new Usage(estimatedPromptTokens, relayedTokens);
    }

    public String finishReason() {
        return finishReason;
    }

    public Long firstTokenAfterMs() {
        return firstTokenAfterMs;
    }
}
