package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase;
import dev.atrium.workspace.application.port.out.OrganizationRepository;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.domain.Ids;
import dev.atrium.workspace.domain.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class OrganizationService implements CreateOrganizationUseCase {

    private final OrganizationRepository organizations;
    private final WorkspaceEventPublisher events;
    private final Clock clock;

    public OrganizationService(OrganizationRepository organizations, WorkspaceEventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
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
        return organization;
    }
}
