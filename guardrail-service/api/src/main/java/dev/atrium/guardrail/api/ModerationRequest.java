package dev.atrium.guardrail.api;

/**
 * {@code POST /internal/v1/moderations}: the gateway's {@code moderation} plugin asks whether a
 * provider's answer may reach the client, under the content filters in force for this key. Only
 * reads: nothing is reserved or counted. {@code text} is the answer's text; redaction offsets refer to it.
 */
public record ModerationRequest(String organizationId, String workspaceId, String keyId, String text) {
}
