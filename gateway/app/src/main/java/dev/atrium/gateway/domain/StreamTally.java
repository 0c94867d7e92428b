package dev.atrium.gateway.domain;

/**
 * What a stream delivered so far: the upstream's own usage when it sent it, otherwise an
 * estimate (one token per content chunk), so a cut or cancelled stream is still recorded.
 */
public final class StreamTally {

    private long reportedPrompt = -1;
    private long reportedCompletion = -1;
    private long contentChunks;
    private String finishReason;
    private Long firstTokenAfterMs;

    public void content(long elapsedMs) {
        if (firstTokenAfterMs == null) {
            firstTokenAfterMs = elapsedMs;
        }
        contentChunks++;
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
                : new Usage(estimatedPromptTokens, contentChunks);
    }

    public String finishReason() {
        return finishReason;
    }

    public Long firstTokenAfterMs() {
        return firstTokenAfterMs;
    }
}
