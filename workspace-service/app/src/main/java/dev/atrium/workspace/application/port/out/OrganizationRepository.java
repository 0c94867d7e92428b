package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Slug;
import java.util.Optional;

public interface OrganizationRepository {

    void add(Organization organization);

    void update(Organization organization);

    Optional<Organization> findOrganization(String id);

    boolean slugTaken(Slug slug);
}
