package dev.atrium.guardrail.api;

import java.util.List;

/**
 * {@code GET /api/v1/workspaces/{ws}/keys/spend}: several keys' spend, by key id; a key the guardrail does not
 * know in the workspace is left out.
 */
public record KeySpends(List<KeySpend> data) {
}
