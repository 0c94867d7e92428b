package dev.atrium.workspace.domain;

import java.util.Map;

/**
 * Where the gateway broadcasts traces: {@code otlp} or {@code webhook}. Headers usually hold
 * credentials, so they are stored sealed and shown masked. Privacy mode strips prompts and
 * completions from what is sent.
 */
public record ObservabilityDestination(String type, String endpoint, Map<String, String> headers,
        double samplingRate, boolean privacyMode) {

    public ObservabilityDestination {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
