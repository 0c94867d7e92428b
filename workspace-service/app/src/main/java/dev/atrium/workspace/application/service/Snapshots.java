package dev.atrium.workspace.application.service;

import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.ByokCredential;
import dev.atrium.workspace.domain.ObservabilityDestination;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Preset;
import dev.atrium.workspace.domain.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit log's view of a target: never a secret, a hash or a header value. */
final class Snapshots {

    private Snapshots() {
    }

    static Map<String, Object> of(Organization o) {
        return map("name", o.name(), "slug", o.slug().value());
    }

    static Map<String, Object> of(Workspace w) {
        return map("name", w.name(), "slug", w.slug().value(), "default_text_model", w.defaultTextModel(),
                "default_provider_sort", w.defaultProviderSort(), "archived", w.archived());
    }

    static Map<String, Object> of(ApiKey k) {
        return map("name", k.name(), "prefix", k.prefix(), "last4", k.last4(), "limit", k.limit(), "limit_reset",
                k.limitReset() == null ? null : k.limitReset().wire(), "include_byok_in_limit",
                k.includeByokInLimit(), "expires_at", k.expiresAt(), "disabled", k.disabled(), "revoked_at",
                k.revokedAt(), "owner_user_id", k.ownerUserId(), "owner_removed_at", k.ownerRemovedAt());
    }

    static Map<String, Object> of(ByokCredential c) {
        return map("provider", c.provider(), "key", Masking.mask(c.last4()), "is_fallback", c.isFallback(),
                "allowed_models", c.allowedModels());
    }

    static Map<String, Object> of(Preset p) {
        return map("slug", p.slug(), "version", p.version(), "model", p.model(), "parameters", p.parameters(),
                "locked_parameters", p.lockedParameters());
    }

    static Map<String, Object> observability(List<ObservabilityDestination> destinations) {
        return map("destinations", Masking.destinations(destinations).stream()
                .map(d -> map("type", d.type(), "endpoint", d.endpoint(), "headers", d.headers(), "sampling_rate",
                        d.samplingRate(), "privacy_mode", d.privacyMode())).toList());
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
