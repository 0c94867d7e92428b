package dev.atrium.workspace.api;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /internal/v1/workspaces/{ws}/observability}: the workspace's destinations with their
 * decrypted headers, for the gateway only. {@code toString} leaves header values out.
 */
public record ObservabilityTargets(String workspaceId, List<Target> destinations) {

    public record Target(String type, String endpoint, Map<String, String> headers, double samplingRate,
            boolean privacyMode) {

        @Override
        public String toString() {
            return "Target[" + type + " " + endpoint + ", headers=" + (headers == null ? List.of() : headers.keySet())
                    + "]";
        }
    }
}
