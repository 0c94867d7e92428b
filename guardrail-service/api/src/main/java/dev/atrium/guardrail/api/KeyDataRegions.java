package dev.atrium.guardrail.api;

import java.util.List;

/**
 * The data regions a key's requests may reach under its effective policy (the organization's ceiling, the
 * workspace, the key's owner, the key and the named guardrails applied there), as OpenRouter's key answers
 * {@code allowed_data_regions}: every region when no level restricts them, none when the levels' restrictions
 * have none in common. Served by {@code GET /internal/v1/keys/{key}/data-regions} (the gateway's
 * {@code GET /api/v1/key}).
 */
public record KeyDataRegions(String keyId, List<String> allowedDataRegions) {
}
