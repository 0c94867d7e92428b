package dev.atrium.workspace.api;

/** {@code POST /internal/v1/keys/resolve}: the API key exactly as the client sent it. */
public record ResolveKeyRequest(String key) {
}
