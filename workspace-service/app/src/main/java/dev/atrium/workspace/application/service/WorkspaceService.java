package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase;
import dev.atrium.workspace.application.port.in.FindTenancyQuery;
import dev.atrium.workspace.application.port.out.OrganizationRepository;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.Ids;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

@ApplicationScoped
public class WorkspaceService implements CreateWorkspaceUseCase, FindTenancyQuery {

    private final OrganizationRepository organizations;
    private final WorkspaceRepository workspaces;
    private final WorkspaceEventPublisher events;
    private final Clock clock;

    public WorkspaceService(OrganizationRepository organizations, WorkspaceRepository workspaces,
            WorkspaceEventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.events = events;
        this.clock = clock;
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
        return workspace;
    }

    @Override
    public Optional<Organization> organization(String organizationId) {
        return organizations.findOrganization(organizationId);
    }

    @Override
    public Optional<Workspace> workspace(String workspaceId) {
        return workspaces.findWorkspace(workspaceId);
    }
}
