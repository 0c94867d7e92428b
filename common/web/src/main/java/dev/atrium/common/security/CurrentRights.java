package dev.atrium.common.security;

import dev.atrium.common.cache.KeptValues;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller.Rights;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The tenant rights a caller holds now, for {@link TenantAuthorizer} at the services other than
 * workspace-service (docs/adr/0025). A user token's groups are what the user held when it was issued, for
 * its whole 15-minute life; here a user token's group paths come from workspace-service's membership record
 * instead ({@link WorkspaceInternalApi}, with this service's own service-account token), each user's kept at most {@code atrium.security.rights.cache} (1 s): the bound on how long a
 * removed member's still-valid token passes here. {@code platform-admin} stays the token's realm role, as at
 * workspace-service. A management key's identity already carries its creator's groups as resolved for
 * this request ({@link RemoteManagementKeys}, kept 1 s as well), so it is taken as it is; so is an identity
 * without a token (tests' {@code @TestSecurity}). Only management calls come here: the gateway's API-key
 * path never does. Present where workspace-service resolves identities for the service
 * ({@code atrium.security.management-keys.resolver=remote}, at {@code ...workspace-url}). Any failure to read
 * the record is 503: the caller's rights are unknown, and a token's own groups are never taken instead (they
 * may name a membership removed since the token was issued).
 */
@ApplicationScoped
@IfBuildProperty(name = "atrium.security.management-keys.resolver", stringValue = "remote")
public class CurrentRights {

    private static final Logger LOG = Logger.getLogger(CurrentRights.class);
    private static final int CAPACITY = 10_000;

    private final WorkspaceInternalApi workspace;
    private final KeptValues<String, Set<String>> kept;

    CurrentRights(Clock clock, @RestClient WorkspaceInternalApi workspace,
            @ConfigProperty(name = "atrium.security.rights.cache", defaultValue = "1s") Duration keep) {
        this.workspace = workspace;
        this.kept = KeptValues.keptFor(CAPACITY, keep, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    public Rights of(SecurityIdentity caller) {
        if (Caller.managementKeyOrganization(caller) != null
                || !(caller.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            return Caller.rights(caller);
        }
        if (Caller.isPlatformAdmin(caller)) {
            return new Rights(true, Set.of());
        }
        return new Rights(false, kept.get(token.getSubject(), () -> groupsOf(token.getSubject())));
    }

    private Set<String> groupsOf(String userId) {
        try {
            return workspace.groupsOf(userId).groups();
        } catch (RuntimeException e) {
            // A refusal (WebApplicationException), an unreachable or slow workspace-service, no service token.
            LOG.warnf("The caller's memberships could not be read from workspace-service: %s", e.toString());
            throw new ApiException(503, "The caller's memberships cannot be checked now; try again shortly");
        }
    }
}
