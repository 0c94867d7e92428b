package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.domain.ByokCredential;
import dev.atrium.workspace.domain.DeliveryHealth;
import dev.atrium.workspace.domain.ObservabilityDestination;
import dev.atrium.workspace.domain.PluginSetting;
import dev.atrium.workspace.domain.Preset;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON of the workspace settings: BYOK, presets, plugins, observability. */
final class SettingsDtos {

    private SettingsDtos() {
    }

    /** {@code key} is write-only; {@code toString} leaves it out. */
    record PutByok(String key, Boolean isFallback, List<String> allowedModels) {
        @Override
        public String toString() {
            return "PutByok[is_fallback=" + isFallback + "]";
        }
    }

    /** {@code key} is masked: "****" and the last four characters. */
    record ByokView(String workspaceId, String provider, String key, boolean isFallback, List<String> allowedModels,
            Instant createdAt, Instant updatedAt) {
        static ByokView of(ByokCredential c) {
            return new ByokView(c.workspaceId(), c.provider(), "****" + c.last4(), c.isFallback(), c.allowedModels(),
                    c.createdAt(), c.updatedAt());
        }
    }

    record PutPreset(String systemPrompt, String model, Map<String, Object> parameters,
            List<String> lockedParameters, Map<String, Object> provider) {
    }

    record PresetView(String slug, int version, String reference, String systemPrompt, String model,
            Map<String, Object> parameters, List<String> lockedParameters, Map<String, Object> provider,
            String createdBy, Instant createdAt) {
        static PresetView of(Preset p) {
            return new PresetView(p.slug(), p.version(), p.slug() + "@" + p.version(), p.systemPrompt(), p.model(),
                    p.parameters(), p.lockedParameters(), p.provider(), p.createdBy(), p.createdAt());
        }
    }

    record Plugin(String id, Boolean enabled, Boolean locked, Map<String, Object> options) {
        PluginSetting toDomain() {
            return new PluginSetting(id, !Boolean.FALSE.equals(enabled), Boolean.TRUE.equals(locked), options);
        }

        static Plugin of(PluginSetting p) {
            return new Plugin(p.id(), p.enabled(), p.locked(), p.options());
        }
    }

    record Plugins(List<Plugin> plugins) {
        List<PluginSetting> toDomain() {
            return plugins == null ? null : plugins.stream().map(p -> p == null ? null : p.toDomain()).toList();
        }

        static Plugins of(List<PluginSetting> settings) {
            return new Plugins(settings.stream().map(Plugin::of).toList());
        }
    }

    /**
     * Header values are write-only: answers show "****". Sampling rate defaults to 1, privacy mode to off.
     * The last delivery outcomes are answered only (the gateway reports them); a PUT ignores them.
     */
    record Destination(String type, String endpoint, Map<String, String> headers, Double samplingRate,
            Boolean privacyMode, Instant lastSuccessAt, String lastError, Instant lastErrorAt) {
        ObservabilityDestination toDomain() {
            return new ObservabilityDestination(type, endpoint, headers, samplingRate == null ? 1.0 : samplingRate,
                    Boolean.TRUE.equals(privacyMode));
        }

        static Destination of(ObservabilityDestination d, DeliveryHealth h) {
            return new Destination(d.type(), d.endpoint(), d.headers(), d.samplingRate(), d.privacyMode(),
                    h.lastSuccessAt(), h.lastError(), h.lastErrorAt());
        }
    }

    record Observability(List<Destination> destinations) {
        List<ObservabilityDestination> toDomain() {
            return destinations == null ? null
                    : destinations.stream().map(d -> d == null ? null : d.toDomain()).toList();
        }

        static Observability of(List<ObservabilityDestination> destinations, Map<String, DeliveryHealth> health) {
            return new Observability(destinations.stream()
                    .map(d -> Destination.of(d, health.getOrDefault(d.endpoint(), DeliveryHealth.NONE))).toList());
        }

        @Override
        public String toString() {
            return "Observability[" + (destinations == null ? 0 : destinations.size()) + " destinations]";
        }
    }
}
