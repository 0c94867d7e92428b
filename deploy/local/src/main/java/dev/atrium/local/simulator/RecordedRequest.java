package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One completion request as it arrived. The credential is kept only as its SHA-256, enough for a
 * test to check which key (a BYOK one, or the platform's) was used without the log holding it.
 */
record RecordedRequest(String provider, String protocol, String model, boolean stream,
                       String credentialSha256, Integer maxTokens, Instant receivedAt) {

    static RecordedRequest of(CompletionRequest request, String protocol, String credential, Instant receivedAt) {
        return new RecordedRequest(request.provider(), protocol, request.model(), request.stream(),
                sha256(credential), request.maxTokens(), receivedAt);
    }

    void writeTo(ObjectNode node) {
        node.put("provider", provider);
        node.put("protocol", protocol);
        node.put("model", model);
        node.put("stream", stream);
        node.put("credential_sha256", credentialSha256);
        node.put("max_tokens", maxTokens);
        node.put("received_at", receivedAt.toString());
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
