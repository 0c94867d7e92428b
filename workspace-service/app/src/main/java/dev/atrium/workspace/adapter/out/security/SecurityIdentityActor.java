package dev.atrium.workspace.adapter.out.security;

import dev.atrium.common.security.Caller;
import dev.atrium.workspace.application.port.out.CurrentActor;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** The caller of the current request (its Keycloak user id); "system" for changes made outside one. */
@ApplicationScoped
class SecurityIdentityActor implements CurrentActor {

    private final Instance<SecurityIdentity> identity;

    SecurityIdentityActor(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    @Override
    public String id() {
        if (!Arc.container().requestContext().isActive()) {
            return "system";
        }
        SecurityIdentity caller = identity.get();
        return caller == null || caller.isAnonymous() ? "system" : Caller.userId(caller);
    }
}
