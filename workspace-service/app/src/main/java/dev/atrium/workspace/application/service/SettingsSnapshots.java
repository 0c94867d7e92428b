package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.out.ByokRepository;
import dev.atrium.workspace.application.port.out.PresetRepository;
import dev.atrium.workspace.application.port.out.WorkspaceSettingsRepository;
import dev.atrium.workspace.domain.Workspace;
import dev.atrium.workspace.domain.WorkspaceSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A workspace's settings as key resolution reports them, cached per settings revision: every
 * settings change takes a new revision in its own transaction, so a cached entry whose revision
 * matches the workspace row just read is current, and resolution stays at one or two queries.
 */
@ApplicationScoped
public class SettingsSnapshots {

    private final ByokRepository byok;
    private final PresetRepository presets;
    private final WorkspaceSettingsRepository settings;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SettingsSnapshots(ByokRepository byok, PresetRepository presets, WorkspaceSettingsRepository settings) {
        this.byok = byok;
        this.presets = presets;
        this.settings = settings;
    }

    WorkspaceSettings of(Workspace workspace) {
        Cached cached = cache.get(workspace.id());
        if (cached != null && cached.revision == workspace.settingsRevision()) {
            return cached.settings;
        }
        WorkspaceSettings loaded = new WorkspaceSettings(byok.all(workspace.id()), presets.index(workspace.id()),
                settings.plugins(workspace.id()), settings.observability(workspace.id()));
        cache.put(workspace.id(), new Cached(workspace.settingsRevision(), loaded));
        return loaded;
    }

    private record Cached(long revision, WorkspaceSettings settings) {
    }
}
