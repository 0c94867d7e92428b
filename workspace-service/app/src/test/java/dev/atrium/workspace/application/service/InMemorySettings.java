package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.in.AuditQuery.AuditFilter;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.out.AuditLog;
import dev.atrium.workspace.application.port.out.ByokRepository;
import dev.atrium.workspace.application.port.out.CurrentActor;
import dev.atrium.workspace.application.port.out.PresetRepository;
import dev.atrium.workspace.application.port.out.WorkspaceSettingsRepository;
import dev.atrium.workspace.domain.AuditEntry;
import dev.atrium.workspace.domain.ByokCredential;
import dev.atrium.workspace.domain.ObservabilityDestination;
import dev.atrium.workspace.domain.PluginSetting;
import dev.atrium.workspace.domain.Preset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory fakes of the settings and audit out-ports, for use-case tests. */
class InMemorySettings implements ByokRepository, PresetRepository, WorkspaceSettingsRepository, AuditLog,
        CurrentActor {

    final Map<String, ByokCredential> byok = new TreeMap<>();
    final List<Preset> presets = new ArrayList<>();
    final Map<String, List<PluginSetting>> plugins = new HashMap<>();
    final Map<String, List<ObservabilityDestination>> observability = new HashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    String actor = "user-1";

    @Override
    public void save(ByokCredential c) {
        byok.put(c.workspaceId() + "/" + c.provider(), c);
    }

    @Override
    public Optional<ByokCredential> find(String workspaceId, String provider) {
        return Optional.ofNullable(byok.get(workspaceId + "/" + provider));
    }

    @Override
    public List<ByokCredential> all(String workspaceId) {
        return byok.values().stream().filter(c -> c.workspaceId().equals(workspaceId)).toList();
    }

    @Override
    public boolean delete(String workspaceId, String provider) {
        return byok.remove(workspaceId + "/" + provider) != null;
    }

    @Override
    public void add(Preset preset) {
        presets.add(preset);
    }

    @Override
    public Optional<Preset> latest(String workspaceId, String slug) {
        return of(workspaceId, slug).findFirst();
    }

    @Override
    public Optional<Preset> version(String workspaceId, String slug, int version) {
        return of(workspaceId, slug).filter(p -> p.version() == version).findFirst();
    }

    @Override
    public Page<Preset> versions(String workspaceId, String slug, PageRequest page) {
        return InMemoryTenancy.page(of(workspaceId, slug).toList(), page);
    }

    @Override
    public Map<String, Integer> index(String workspaceId) {
        Map<String, Integer> index = new TreeMap<>();
        presets.stream().filter(p -> p.workspaceId().equals(workspaceId))
                .forEach(p -> index.merge(p.slug(), p.version(), Math::max));
        return index;
    }

    @Override
    public List<PluginSetting> plugins(String workspaceId) {
        return plugins.getOrDefault(workspaceId, List.of());
    }

    @Override
    public void savePlugins(String workspaceId, List<PluginSetting> settings) {
        plugins.put(workspaceId, settings);
    }

    @Override
    public List<ObservabilityDestination> observability(String workspaceId) {
        return observability.getOrDefault(workspaceId, List.of());
    }

    @Override
    public void saveObservability(String workspaceId, List<ObservabilityDestination> destinations) {
        observability.put(workspaceId, destinations);
    }

    @Override
    public void append(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public Page<AuditEntry> list(String organizationId, AuditFilter filter, PageRequest page) {
        List<AuditEntry> newestFirst = new ArrayList<>(audit.stream()
                .filter(a -> a.organizationId().equals(organizationId))
                .filter(a -> filter.action() == null || filter.action().equals(a.action())).toList());
        java.util.Collections.reverse(newestFirst);
        return InMemoryTenancy.page(newestFirst, page);
    }

    @Override
    public String id() {
        return actor;
    }

    private java.util.stream.Stream<Preset> of(String workspaceId, String slug) {
        return presets.stream().filter(p -> p.workspaceId().equals(workspaceId) && p.slug().equals(slug))
                .sorted(Comparator.comparingInt(Preset::version).reversed());
    }
}
