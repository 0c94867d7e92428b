package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase;
import dev.atrium.workspace.application.port.in.RenameOrganizationUseCase;
import dev.atrium.workspace.application.port.out.OrganizationRepository;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.domain.Ids;
import dev.atrium.workspace.domain.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class OrganizationService implements CreateOrganizationUseCase, RenameOrganizationUseCase {

    private final OrganizationRepository organizations;
    private final WorkspaceEventPublisher events;
    private final Clock clock;
    private final Auditor auditor;

    public OrganizationService(OrganizationRepository organizations, WorkspaceEventPublisher events, Clock clock,
            Auditor auditor) {
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
        this.auditor = auditor;
    }

    @Override
    @Transactional
    public Organization create(CreateOrganizationCommand command) {
        if (organizations.slugTaken(command.slug())) {
            throw ApiException.conflict("An organization with slug '" + command.slug().value() + "' exists");
        }
        Organization organization = new Organization(Ids.organization(), command.name(), command.slug(),
                clock.instant());
        organizations.add(organization);
        events.organizationCreated(organization);
        auditor.record(organization.id(), null, "organization.created", "organization", organization.id(), null,
                Snapshots.of(organization));
        return organization;
    }

    @Override
    @Transactional
    public Organization rename(RenameOrganizationCommand command) {
        Organization before = organizations.findOrganization(command.organizationId())
                .orElseThrow(() -> ApiException.notFound("Organization " + command.organizationId() + " not found"));
        Organization after = before.renamed(command.name());
        organizations.update(after);
        events.organizationUpdated(after, clock.instant());
        auditor.record(after.id(), null, "organization.updated", "organization", after.id(), Snapshots.of(before),
                Snapshots.of(after));
        return after;
    }
}
