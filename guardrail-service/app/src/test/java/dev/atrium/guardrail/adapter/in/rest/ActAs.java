package dev.atrium.guardrail.adapter.in.rest;

import io.quarkus.arc.Arc;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;
import java.util.Set;

/**
 * Switches the caller inside a test, for flows that cross identities (an admin writes, the
 * gateway checks). Use only in a {@code @TestSecurity} test: its extension resets the identity
 * after the test.
 */
final class ActAs {

    private ActAs() {
    }

    static void caller(String user, String... roles) {
        Arc.container().instance(TestIdentityAssociation.class).get().setTestIdentity(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user)).addRoles(Set.of(roles)).build());
    }
}
