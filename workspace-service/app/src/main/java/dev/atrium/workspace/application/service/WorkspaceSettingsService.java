package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.SaveObservabilityUseCase;
import dev.atrium.workspace.application.port.in.SavePluginSettingsUseCase;
import dev.atrium.workspace.application.port.in.WorkspaceSettingsQuery;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.application.port.out.WorkspaceSettingsRepository;
import dev.atrium.workspace.domain.ObservabilityDestination;
import dev.atrium.workspace.domain.PluginSetting;
import dev.atrium.workspace.domain.SecretBox;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plugin defaults and observability destinations; header values are sealed before they are stored. */
@ApplicationScoped
public class WorkspaceSettingsService implements SavePluginSettingsUseCase, SaveObservabilityUseCase,
        WorkspaceSettingsQuery {

    private final WorkspaceSettingsRepository settings;
    private final WorkspaceRepository workspaces;
    private final SettingsRevisions revisions;
    private final SecretBox box;
    private final Auditor auditor;
    private final DestinationPolicy policy;

    public WorkspaceSettingsService(WorkspaceSettingsRepository settings, WorkspaceRepository workspaces,
            SettingsRevisions revisions, SecretBox box, Auditor auditor, DestinationPolicy policy) {
        this.policy = policy;
        this.settings = settings;
        this.workspaces = workspaces;
        this.revisions = revisions;
        this.box = box;
        this.auditor = auditor;
    }

    @Override
    @Transactional
    public List<PluginSetting> save(String workspaceId, List<PluginSetting> plugins) {
        List<PluginSetting> valid = SavePluginSettingsUseCase.validate(plugins);
        Workspace ws = revisions.next(workspaceId, "plugins");
        List<PluginSetting> before = settings.plugins(ws.id());
        settings.savePlugins(ws.id(), valid);
        auditor.record(ws.organizationId(), ws.id(), "plugins.saved", "workspace", ws.id(),
                Snapshots.map("plugins", before), Snapshots.map("plugins", valid));
        return valid;
    }

    @Override
    @Transactional
    public List<ObservabilityDestination> saveObservability(String workspaceId,
            List<ObservabilityDestination> destinations) {
        List<ObservabilityDestination> valid = SaveObservabilityUseCase.validate(destinations);
        policy.check(valid);
        Workspace ws = revisions.next(workspaceId, "observability");
        List<ObservabilityDestination> before = observability(ws.id());
        settings.saveObservability(ws.id(), valid.stream().map(d -> sealHeaders(ws.id(), d)).toList());
        auditor.record(ws.organizationId(), ws.id(), "observability.saved", "workspace", ws.id(),
                Snapshots.observability(before), Snapshots.observability(valid));
        return Masking.destinations(valid);
    }

    @Override
    @Transactional
    public List<PluginSetting> plugins(String workspaceId) {
        return settings.plugins(workspaceId);
    }

    /** Masked: sealed values are never opened for display. */
    @Override
    @Transactional
    public List<ObservabilityDestination> observability(String workspaceId) {
        return Masking.destinations(settings.observability(workspaceId));
    }

    @Override
    @Transactional
    public List<ObservabilityDestination> observabilityWithHeaders(String workspaceId) {
        Workspace ws = workspaces.findWorkspace(workspaceId).filter(w -> !w.archived())
                .orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId + " not found"));
        return settings.observability(ws.id()).stream().map(d -> {
            Map<String, String> open = new LinkedHashMap<>();
            d.headers().forEach((name, sealed) -> {
                int colon = sealed.indexOf(':');
                open.put(name, box.open(new SecretBox.Sealed(sealed.substring(0, colon), sealed.substring(colon + 1)),
                        headerOwner(ws.id(), name)));
            });
            return new ObservabilityDestination(d.type(), d.endpoint(), open, d.samplingRate(), d.privacyMode());
        }).toList();
    }

    private static String headerOwner(String workspaceId, String header) {
        return "observability/" + workspaceId + "/" + header;
    }

    private ObservabilityDestination sealHeaders(String workspaceId, ObservabilityDestination d) {
        Map<String, String> sealed = new LinkedHashMap<>();
        d.headers().forEach((name, value) -> {
            SecretBox.Sealed s = box.seal(value, headerOwner(workspaceId, name));
            sealed.put(name, s.keyId() + ":" + s.ciphertext());
        });
        return new ObservabilityDestination(d.type(), d.endpoint(), sealed, d.samplingRate(), d.privacyMode());
    }
}
