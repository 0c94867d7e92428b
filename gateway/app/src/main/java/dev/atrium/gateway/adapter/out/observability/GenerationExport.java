package dev.atrium.gateway.adapter.out.observability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.GenerationObserver.FinishedGeneration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a workspace's destination receives for one generation: an OTLP/HTTP JSON span (GenAI
 * semantic conventions) or a webhook document; in privacy mode neither holds the prompt or the
 * completion. Sampling is decided from the generation id, so a retried delivery decides the same.
 */
final class GenerationExport {

    static final String SERVICE_NAME = "atrium-gateway";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GenerationExport() {
    }

    /** Whether a destination sampling at {@code rate} (0..1) receives this generation. */
    static boolean sampled(double rate, String generationId, String endpoint) {
        if (rate >= 1.0) {
            return true;
        }
        if (rate <= 0.0 || Double.isNaN(rate)) {
            return false;
        }
        byte[] digest = sha256(generationId + "|" + endpoint);
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return bits / (double) (1L << 56) < rate;
    }

    /** {@code {"resourceSpans":[...]}} with one span, for {@code POST {endpoint}/v1/traces}. */
    static ObjectNode otlpSpan(FinishedGeneration generation, boolean privacyMode) {
        UsageRecorded u = generation.usage();
        byte[] ids = sha256(u.generationId());
        Instant end = u.createdAt();
        Instant start = end.minusMillis(Math.max(0, u.latencyMs()));

        ObjectNode root = JSON.objectNode();
        ObjectNode resourceSpans = root.putArray("resourceSpans").addObject();
        ArrayNode resource = resourceSpans.putObject("resource").putArray("attributes");
        string(resource, "service.name", SERVICE_NAME);
        ObjectNode scopeSpans = resourceSpans.putArray("scopeSpans").addObject();
        scopeSpans.putObject("scope").put("name", "dev.atrium.gateway.broadcast");
        ObjectNode span = scopeSpans.putArray("spans").addObject();
        span.put("traceId", HexFormat.of().formatHex(ids, 0, 16));
        span.put("spanId", HexFormat.of().formatHex(ids, 16, 24));
        span.put("name", "chat " + u.model());
        span.put("kind", 3); // SPAN_KIND_CLIENT: the gateway calling a model
        span.put("startTimeUnixNano", String.valueOf(nanos(start)));
        span.put("endTimeUnixNano", String.valueOf(nanos(end)));
        ArrayNode attributes = span.putArray("attributes");
        string(attributes, "gen_ai.operation.name", "chat");
        string(attributes, "gen_ai.provider.name", u.provider());
        string(attributes, "gen_ai.request.model", u.model());
        string(attributes, "gen_ai.response.model", u.upstreamModel());
        string(attributes, "gen_ai.response.id", u.generationId());
        integer(attributes, "gen_ai.usage.input_tokens", u.promptTokens());
        integer(attributes, "gen_ai.usage.output_tokens", u.completionTokens());
        if (u.finishReason() != null) {
            ObjectNode reasons = attributes.addObject().put("key", "gen_ai.response.finish_reasons");
            reasons.putObject("value").putObject("arrayValue").putArray("values").addObject()
                    .put("stringValue", u.finishReason());
        }
        string(attributes, "atrium.organization_id", u.organizationId());
        string(attributes, "atrium.workspace_id", u.workspaceId());
        string(attributes, "atrium.key_id", u.keyId());
        // Exact money: a string, never a double.
        string(attributes, "atrium.cost", u.cost() == null ? null : u.cost().toPlainString());
        bool(attributes, "atrium.byok", u.byok());
        bool(attributes, "atrium.stream", u.stream());
        integer(attributes, "atrium.latency_ms", u.latencyMs());
        if (!privacyMode) {
            string(attributes, "gen_ai.prompt", generation.prompt());
            string(attributes, "gen_ai.completion", generation.completion());
        }
        span.putObject("status").put("code", "error".equals(u.finishReason()) ? 2 : 1);
        return root;
    }

    /** The webhook document: the usage record's facts in snake_case, and the text unless in privacy mode. */
    static ObjectNode webhook(FinishedGeneration generation, boolean privacyMode) {
        UsageRecorded u = generation.usage();
        ObjectNode body = JSON.objectNode();
        body.put("type", "generation");
        body.put("generation_id", u.generationId());
        body.put("organization_id", u.organizationId());
        body.put("workspace_id", u.workspaceId());
        body.put("key_id", u.keyId());
        body.put("model", u.model());
        body.put("provider", u.provider());
        body.put("upstream_model", u.upstreamModel());
        body.put("prompt_tokens", u.promptTokens());
        body.put("completion_tokens", u.completionTokens());
        body.put("cost", u.cost());
        body.put("is_byok", u.byok());
        body.put("stream", u.stream());
        body.put("finish_reason", u.finishReason());
        body.put("latency_ms", u.latencyMs());
        body.put("created_at", u.createdAt().toString());
        body.put("privacy_mode", privacyMode);
        if (!privacyMode) {
            body.put("prompt", generation.prompt());
            body.put("completion", generation.completion());
        }
        return body;
    }

    /** The OTLP/HTTP traces URL of a collector's base endpoint (a full {@code /v1/traces} URL is kept). */
    static String tracesUrl(String endpoint) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base.endsWith("/v1/traces") ? base : base + "/v1/traces";
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static void string(ArrayNode attributes, String key, String value) {
        if (value != null) {
            attributes.addObject().put("key", key).putObject("value").put("stringValue", value);
        }
    }

    private static void integer(ArrayNode attributes, String key, long value) {
        // OTLP/JSON writes 64-bit integers as strings.
        attributes.addObject().put("key", key).putObject("value").put("intValue", String.valueOf(value));
    }

    private static void bool(ArrayNode attributes, String key, boolean value) {
        attributes.addObject().put("key", key).putObject("value").put("boolValue", value);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
