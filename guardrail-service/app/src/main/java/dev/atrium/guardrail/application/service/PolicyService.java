package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.FindPolicyQuery;
import dev.atrium.guardrail.application.port.in.ListRevisionsQuery;
import dev.atrium.guardrail.application.port.in.SetPolicyUseCase;
import dev.atrium.guardrail.application.port.out.PolicyEventPublisher;
import dev.atrium.guardrail.application.port.out.PolicyRepository;
import dev.atrium.guardrail.application.port.out.PolicyRepository.RevisionPage;
import dev.atrium.guardrail.domain.policy.PolicyRevision;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class PolicyService implements SetPolicyUseCase, FindPolicyQuery, ListRevisionsQuery {

    private final PolicyRepository policies;
    private final PolicyEventPublisher events;
    private final LevelPolicies levels;
    private final Clock clock;

    public PolicyService(PolicyRepository policies, PolicyEventPublisher events, LevelPolicies levels, Clock clock) {
        this.policies = policies;
        this.events = events;
        this.levels = levels;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StoredPolicy set(SetPolicyCommand command) {
        StoredPolicy current = policies.findForUpdate(command.scope())
                .orElseGet(() -> StoredPolicy.none(command.scope()));
        PolicyRevision revision = current.revise(command.document(), clock.instant(), command.author());
        policies.save(revision);
        levels.changed();
        events.policyChanged(command.organizationId(), command.workspaceId(), revision);
        return revision.asStored();
    }

    @Override
    @Transactional
    public StoredPolicy policy(PolicyScope scope) {
        return policies.find(scope).orElseGet(() -> StoredPolicy.none(scope));
    }

    @Override
    @Transactional
    public RevisionPage revisions(RevisionsRequest request) {
        return policies.revisions(request.scopes(), request.cursor(), request.limit());
    }
}
