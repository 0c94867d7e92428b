package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.domain.UserProfile;
import java.util.Optional;

/** People's email and names where they are kept (Keycloak): this service stores none of them. */
public interface UserProfiles {

    /** Empty when the user does not exist; a provider that cannot answer throws. */
    Optional<UserProfile> profile(String userId);
}
