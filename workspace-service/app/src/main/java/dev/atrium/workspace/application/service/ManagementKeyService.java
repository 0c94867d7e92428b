package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.IssueManagementKeyCommand;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.IssueManagementKeyUseCase;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.IssuedManagementKey;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.ManagementKeyQuery;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.ResolveManagementKeyUseCase;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.ResolvedManagementKey;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.RevokeManagementKeyUseCase;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.out.ManagementKeyRepository;
import dev.atrium.workspace.application.port.out.MemberRepository;
import dev.atrium.workspace.domain.ApiKeySecret;
import dev.atrium.workspace.domain.Ids;
import dev.atrium.workspace.domain.KeyHasher;
import dev.atrium.workspace.domain.ManagementKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Management keys hold no rights of their own: a key resolves to its creator's group paths in its
 * organization as this service records them now, so a removed or demoted admin's keys lose what the
 * admin lost, at once.
 */
@ApplicationScoped
public class ManagementKeyService implements IssueManagementKeyUseCase, RevokeManagementKeyUseCase,
        ManagementKeyQuery, ResolveManagementKeyUseCase {

    private final ManagementKeyRepository keys;
    private final MemberRepository members;
    private final KeyHasher hasher;
    private final Clock clock;
    private final Auditor auditor;

    public ManagementKeyService(ManagementKeyRepository keys, MemberRepository members, KeyHasher hasher, Clock clock,
            Auditor auditor) {
        this.keys = keys;
        this.members = members;
        this.hasher = hasher;
        this.clock = clock;
        this.auditor = auditor;
    }

    @Override
    @Transactional
    public IssuedManagementKey issue(IssueManagementKeyCommand command) {
        ApiKeySecret secret = ApiKeySecret.generateManagement();
        ManagementKey key = new ManagementKey(Ids.managementKey(), command.organizationId(), command.name(),
                secret.displayPrefix(), secret.last4(), hasher.hash(secret.value()), command.creatorUserId(),
                clock.instant(), null);
        keys.add(key);
        auditor.record(key.organizationId(), null, "management_key.created", "management_key", key.id(), null,
                view(key));
        return new IssuedManagementKey(key, secret);
    }

    @Override
    @Transactional
    public void revoke(String organizationId, String keyId) {
        ManagementKey key = keys.findLive(organizationId, keyId)
                .orElseThrow(() -> ApiException.notFound("Management key " + keyId + " not found"));
        keys.update(key.revoked(clock.instant()));
        auditor.record(organizationId, null, "management_key.revoked", "management_key", keyId, view(key), null);
    }

    @Override
    @Transactional
    public Page<ManagementKey> list(String organizationId, PageRequest page) {
        return keys.list(organizationId, page);
    }

    @Override
    @Transactional
    public Optional<ResolvedManagementKey> resolve(String secret) {
        if (!ApiKeySecret.isWellFormedManagement(secret)) {
            return Optional.empty();
        }
        return keys.findLiveByHash(hasher.hash(secret)).flatMap(key -> {
            Set<String> rights = key.rightsFrom(members.groupsOf(key.creatorUserId()));
            return rights.isEmpty() ? Optional.empty() : Optional.of(new ResolvedManagementKey(key, rights));
        });
    }

    private static Map<String, Object> view(ManagementKey key) {
        return Map.of("name", key.name(), "prefix", key.prefix(), "creator_user_id", key.creatorUserId());
    }
}
