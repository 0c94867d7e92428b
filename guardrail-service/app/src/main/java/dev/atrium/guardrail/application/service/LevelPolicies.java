package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.out.PolicyRepository;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.domain.EffectivePolicy;
import dev.atrium.guardrail.domain.KnownKey;
import dev.atrium.guardrail.domain.LevelPolicy;
import dev.atrium.guardrail.domain.PolicyMerge;
import dev.atrium.guardrail.domain.PolicyScope;
import dev.atrium.guardrail.domain.StoredPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The policies that govern a request, ceiling first: organization, workspace, member (the key's owner), key. */
@ApplicationScoped
public class LevelPolicies {

    private final PolicyRepository policies;
    private final TenancyRepository tenancy;

    public LevelPolicies(PolicyRepository policies, TenancyRepository tenancy) {
        this.policies = policies;
        this.tenancy = tenancy;
    }

    KnownKey key(String keyId) {
        return keyId == null ? null : tenancy.findKey(keyId).orElse(null);
    }

    List<StoredPolicy> stored(String organizationId, String workspaceId, String ownerUserId, String keyId) {
        List<PolicyScope> scopes = new ArrayList<>();
        scopes.add(PolicyScope.organization(organizationId));
        scopes.add(PolicyScope.workspace(workspaceId));
        if (ownerUserId != null) {
            scopes.add(PolicyScope.member(workspaceId, ownerUserId));
        }
        if (keyId != null) {
            scopes.add(PolicyScope.key(keyId));
        }
        return policies.findAll(scopes);
    }

    EffectivePolicy merge(List<StoredPolicy> stored) {
        return PolicyMerge.merge(stored.stream().map(LevelPolicy::of).toList());
    }
}
