package dev.atrium.guardrail.domain.named;

/**
 * OpenRouter's zero-data-retention switches: one per provider family and a deprecated one for all.
 * Atrium's routing knows one ZDR requirement for every endpoint, so any switch on requires it for all:
 * stricter, never looser.
 */
public record Zdr(Boolean all, Boolean anthropic, Boolean openai, Boolean google, Boolean xai, Boolean other) {

    public static final Zdr NONE = new Zdr(null, null, null, null, null, null);

    public boolean anyRequired() {
        return Boolean.TRUE.equals(all) || Boolean.TRUE.equals(anthropic) || Boolean.TRUE.equals(openai)
                || Boolean.TRUE.equals(google) || Boolean.TRUE.equals(xai) || Boolean.TRUE.equals(other);
    }
}
