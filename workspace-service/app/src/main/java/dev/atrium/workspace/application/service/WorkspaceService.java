package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.ArchiveWorkspaceUseCase;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase;
import dev.atrium.workspace.application.port.in.FindTenancyQuery;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.in.UpdateWorkspaceUseCase;
import dev.atrium.workspace.application.port.out.OrganizationRepository;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.Ids;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class WorkspaceService implements CreateWorkspaceUseCase, UpdateWorkspaceUseCase, ArchiveWorkspaceUseCase,
        FindTenancyQuery {

    private final OrganizationRepository organizations;
    private final WorkspaceRepository workspaces;
    private final WorkspaceEventPublisher events;
    private final Clock clock;
    private final Auditor auditor;

    public WorkspaceService(OrganizationRepository organizations, WorkspaceRepository workspaces,
            WorkspaceEventPublisher events, Clock clock, Auditor auditor) {
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.events = events;
        this.clock = clock;
        this.auditor = auditor;
    }

    @Override
    @Transactional
    public Workspace create(CreateWorkspaceCommand command) {
        if (organizations.findOrganization(command.organizationId()).isEmpty()) {
            throw ApiException.notFound("Organization " + command.organizationId() + " not found");
        }
        if (workspaces.slugTaken(command.organizationId(), command.slug())) {
            throw ApiException.conflict("A workspace with slug '" + command.slug().value() + "' exists in this organization");
        }
        Workspace workspace = new Workspace(Ids.workspace(), command.organizationId(), command.name(), command.slug(),
                command.defaultTextModel(), command.defaultProviderSort(), false, 1, clock.instant());
        workspaces.add(workspace);
        events.workspaceCreated(workspace);
        auditor.record(workspace.organizationId(), workspace.id(), "workspace.created", "workspace", workspace.id(),
                null, Snapshots.of(workspace));
        return workspace;
    }

    @Override
    @Transactional
    public Workspace update(UpdateWorkspaceCommand c) {
        Workspace before = lock(c.workspaceId());
        if (before.archived()) {
            throw ApiException.conflict("Workspace " + before.id() + " is archived");
        }
        Workspace after = before.withDetails(c.name().orElse(before.name()),
                c.defaultTextModel().orElse(before.defaultTextModel()),
                c.defaultProviderSort().orElse(before.defaultProviderSort()))
                .withRevision(before.settingsRevision() + 1);
        Instant now = clock.instant();
        workspaces.update(after);
        events.workspaceUpdated(after, now);
        auditor.record(after.organizationId(), after.id(), "workspace.updated", "workspace", after.id(),
                Snapshots.of(before), Snapshots.of(after));
        return after;
    }

    @Override
    @Transactional
    public void archive(String workspaceId) {
        Workspace before = lock(workspaceId);
        if (before.archived()) {
            return;
        }
        Workspace after = before.archivedNow().withRevision(before.settingsRevision() + 1);
        workspaces.update(after);
        events.workspaceArchived(after, clock.instant());
        auditor.record(after.organizationId(), after.id(), "workspace.archived", "workspace", after.id(),
                Snapshots.of(before), Snapshots.of(after));
    }

    @Override
    public Optional<Organization> organization(String organizationId) {
        return organizations.findOrganization(organizationId);
    }

    @Override
    public Optional<Workspace> workspace(String workspaceId) {
        return workspaces.findWorkspace(workspaceId);
    }

    @Override
    @Transactional
    public Page<Workspace> workspaces(String organizationId, boolean includeArchived, PageRequest page) {
        return workspaces.list(organizationId, includeArchived, page);
    }

    private Workspace lock(String workspaceId) {
        return workspaces.findWorkspaceForUpdate(workspaceId)
                .orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId + " not found"));
    }
}
