package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.api.ByokSecret;
import dev.atrium.workspace.application.port.in.ByokQuery;
import dev.atrium.workspace.application.port.in.DeleteByokCredentialUseCase;
import dev.atrium.workspace.application.port.in.ListByokCredentialsQuery;
import dev.atrium.workspace.application.port.in.SaveByokCredentialUseCase;
import dev.atrium.workspace.application.port.out.ByokRepository;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.ByokCredential;
import dev.atrium.workspace.domain.SecretBox;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ByokService implements SaveByokCredentialUseCase, DeleteByokCredentialUseCase, ByokQuery,
        ListByokCredentialsQuery {

    private final ByokRepository credentials;
    private final WorkspaceRepository workspaces;
    private final SettingsRevisions revisions;
    private final SecretBox box;
    private final Clock clock;
    private final Auditor auditor;

    public ByokService(ByokRepository credentials, WorkspaceRepository workspaces, SettingsRevisions revisions,
            SecretBox box, Clock clock, Auditor auditor) {
        this.credentials = credentials;
        this.workspaces = workspaces;
        this.revisions = revisions;
        this.box = box;
        this.clock = clock;
        this.auditor = auditor;
    }

    @Override
    @Transactional
    public ByokCredential save(SaveByokCredentialCommand c) {
        Workspace ws = revisions.next(c.workspaceId(), "byok");
        var before = credentials.find(ws.id(), c.provider());
        Instant now = clock.instant();
        ByokCredential saved = new ByokCredential(ws.id(), c.provider(),
                box.seal(c.key(), ByokCredential.associatedData(ws.id(), c.provider())), ByokCredential.last4(c.key()),
                c.isFallback(), c.allowedModels(), before.map(ByokCredential::createdAt).orElse(now), now);
        credentials.save(saved);
        auditor.record(ws.organizationId(), ws.id(), before.isPresent() ? "byok.updated" : "byok.created", "byok",
                c.provider(), before.map(Snapshots::of).orElse(null), Snapshots.of(saved));
        return saved;
    }

    @Override
    @Transactional
    public void delete(String workspaceId, String provider) {
        ByokCredential before = credential(workspaceId, provider);
        Workspace ws = revisions.next(workspaceId, "byok");
        credentials.delete(workspaceId, provider);
        auditor.record(ws.organizationId(), ws.id(), "byok.deleted", "byok", provider, Snapshots.of(before), null);
    }

    @Override
    @Transactional
    public ByokCredential credential(String workspaceId, String provider) {
        return credentials.find(workspaceId, provider).orElseThrow(() -> ApiException.notFound(
                "No BYOK key for provider " + provider + " in workspace " + workspaceId));
    }

    @Override
    @Transactional
    public List<ByokCredential> credentials(String workspaceId) {
        return credentials.all(workspaceId);
    }

    @Override
    @Transactional
    public ByokSecret secret(String workspaceId, String provider) {
        Workspace ws = workspaces.findWorkspace(workspaceId).filter(w -> !w.archived())
                .orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId + " not found"));
        ByokCredential c = credential(ws.id(), provider);
        String key = box.open(c.secret(), ByokCredential.associatedData(ws.id(), provider));
        return new ByokSecret(ws.id(), provider, key, c.isFallback(), c.allowedModels());
    }
}
