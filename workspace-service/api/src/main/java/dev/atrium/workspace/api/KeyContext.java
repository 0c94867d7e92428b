package dev.atrium.workspace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the gateway needs to know about a valid key: never the secret or its hash, and never a
 * BYOK secret or an observability header (those stay encrypted at workspace-service).
 * {@code settingsRevision} increases on every change of the workspace's settings, so a cache keyed
 * by it is never stale for long. {@code expiresAt} (null: never) lets a holder of a cached context refuse
 * the key the moment it expires, without asking again.
 */
public record KeyContext(
        String keyId,
        String keyName,
        String ownerUserId,
        BigDecimal limit,
        String limitReset,
        boolean includeByokInLimit,
        String workspaceId,
        String workspaceSlug,
        String organizationId,
        String defaultTextModel,
        String defaultProviderSort,
        long settingsRevision,
        List<ByokProvider> byokProviders,
        Map<String, Integer> presets,
        List<PluginSetting> plugins,
        List<ObservabilityDestination> observability,
        Instant expiresAt) {

    @JsonCreator
    public KeyContext {
        byokProviders = byokProviders == null ? List.of() : List.copyOf(byokProviders);
        presets = presets == null ? Map.of() : Map.copyOf(presets);
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        observability = observability == null ? List.of() : List.copyOf(observability);
    }

    /** A key that never expires. */
    public KeyContext(String keyId, String keyName, String ownerUserId, BigDecimal limit, String limitReset,
            boolean includeByokInLimit, String workspaceId, String workspaceSlug, String organizationId,
            String defaultTextModel, String defaultProviderSort, long settingsRevision,
            List<ByokProvider> byokProviders, Map<String, Integer> presets, List<PluginSetting> plugins,
            List<ObservabilityDestination> observability) {
        this(keyId, keyName, ownerUserId, limit, limitReset, includeByokInLimit, workspaceId, workspaceSlug,
                organizationId, defaultTextModel, defaultProviderSort, settingsRevision, byokProviders, presets,
                plugins, observability, null);
    }

    /** Whether the key has expired at {@code now}: from then on it must be refused, cached or not. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The walking skeleton's context, before workspaces had settings. */
    public KeyContext(String keyId, String keyName, String ownerUserId, BigDecimal limit, String limitReset,
            boolean includeByokInLimit, String workspaceId, String workspaceSlug, String organizationId,
            String defaultTextModel, String defaultProviderSort, long settingsRevision) {
        this(keyId, keyName, ownerUserId, limit, limitReset, includeByokInLimit, workspaceId, workspaceSlug,
                organizationId, defaultTextModel, defaultProviderSort, settingsRevision, List.of(), Map.of(),
                List.of(), List.of(), null);
    }

    /**
     * A provider the workspace brings its own key for; the gateway fetches the secret from
     * {@code GET /internal/v1/workspaces/{ws}/byok/{provider}}. {@code isFallback}: used only after
     * the platform's credentials, otherwise before them. Empty {@code allowedModels}: every model.
     */
    public record ByokProvider(String provider, boolean isFallback, List<String> allowedModels) {
    }

    /** A plugin default of the workspace; a request cannot change a {@code locked} one. */
    public record PluginSetting(String id, boolean enabled, boolean locked, Map<String, Object> options) {
    }

    /**
     * Where the gateway sends traces; the headers (secrets) come from
     * {@code GET /internal/v1/workspaces/{ws}/observability}.
     */
    public record ObservabilityDestination(String type, String endpoint, double samplingRate, boolean privacyMode) {
    }
}
