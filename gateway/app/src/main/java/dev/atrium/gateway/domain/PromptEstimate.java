package dev.atrium.gateway.domain;

/** A cheap upper estimate of prompt tokens for admission: about four characters a token. */
public final class PromptEstimate {

    private PromptEstimate() {
    }

    public static long tokens(long promptCharacters) {
        return Math.max(1, (promptCharacters + 3) / 4);
    }
}
