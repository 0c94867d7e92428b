package dev.atrium.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One kind of request to send repeatedly: where, with which headers and body, streamed or not. */
public record Probe(String target, String mode, URI uri, Map<String, String> headers, byte[] body, boolean streaming) {

    public static final String NON_STREAMING = "non-streaming";
    public static final String STREAMING = "streaming";

    /** A small chat completion, the same for every target except the model name. */
    public static Probe chat(String target, URI uri, Map<String, String> headers, String model, boolean streaming) {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a terse "
                + "assistant.\"},{\"role\":\"user\",\"content\":\"Say hello in five words.\"}],\"max_tokens\":16,"
                + "\"temperature\":0" + (streaming ? ",\"stream\":true" : "") + "}";
        return new Probe(target, streaming ? STREAMING : NON_STREAMING, uri, headers,
                body.getBytes(StandardCharsets.UTF_8), streaming);
    }

    /** A JSON POST to an internal route (component benchmarks). */
    public static Probe post(String target, URI uri, Map<String, String> headers, String json) {
        return new Probe(target, "internal", uri, headers, json.getBytes(StandardCharsets.UTF_8), false);
    }
}
