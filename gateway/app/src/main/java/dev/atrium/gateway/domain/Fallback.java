package dev.atrium.gateway.domain;

/** Which upstream failures let the gateway try the next candidate (as OpenRouter does). */
public final class Fallback {

    private Fallback() {
    }

    /** 408, 429 and every 5xx; 0 stands for a connection error or a timeout. */
    public static boolean isRetryable(int upstreamStatus) {
        return upstreamStatus == 0 || upstreamStatus == 408 || upstreamStatus == 429 || upstreamStatus >= 500;
    }
}
