package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.ApiKeyQuery;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.in.RevokeApiKeyUseCase;
import dev.atrium.workspace.application.port.in.RotateApiKeyUseCase;
import dev.atrium.workspace.application.port.in.UpdateApiKeyUseCase;
import dev.atrium.workspace.application.port.out.ApiKeyRepository;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.ApiKeySecret;
import dev.atrium.workspace.domain.KeyHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Everything after issuing: read, change, rotate, revoke; each change is an event and an audit row. */
@ApplicationScoped
public class ApiKeyLifecycleService implements ApiKeyQuery, UpdateApiKeyUseCase, RotateApiKeyUseCase,
        RevokeApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final WorkspaceEventPublisher events;
    private final KeyHasher hasher;
    private final Clock clock;
    private final Auditor auditor;

    public ApiKeyLifecycleService(ApiKeyRepository keys, WorkspaceEventPublisher events, KeyHasher hasher,
            Clock clock, Auditor auditor) {
        this.keys = keys;
        this.events = events;
        this.hasher = hasher;
        this.clock = clock;
        this.auditor = auditor;
    }

    @Override
    @Transactional
    public Page<ApiKey> list(String workspaceId, PageRequest page) {
        return keys.list(workspaceId, page);
    }

    @Override
    @Transactional
    public ApiKey get(String workspaceId, String keyId) {
        return keys.findKey(workspaceId, keyId).filter(k -> k.revokedAt() == null)
                .orElseThrow(() -> ApiException.notFound("API key " + keyId + " not found"));
    }

    @Override
    @Transactional
    public ApiKey update(UpdateApiKeyCommand c) {
        ApiKey before = get(c.workspaceId(), c.keyId());
        ApiKey after = before.withSettings(c.name().orElse(before.name()), c.limit().orElse(before.limit()),
                c.limitReset().orElse(before.limitReset()),
                c.includeByokInLimit().orElse(before.includeByokInLimit()), c.expiresAt().orElse(before.expiresAt()),
                c.disabled().orElse(before.disabled()));
        Instant now = clock.instant();
        keys.update(after);
        events.apiKeyUpdated(after, now);
        auditor.record(after.organizationId(), after.workspaceId(), "api_key.updated", "api_key", after.id(),
                Snapshots.of(before), Snapshots.of(after));
        return after;
    }

    @Override
    @Transactional
    public IssuedApiKey rotate(RotateApiKeyCommand c) {
        ApiKey before = get(c.workspaceId(), c.keyId());
        ApiKeySecret secret = ApiKeySecret.generate();
        Instant now = clock.instant();
        ApiKey after = before.rotated(secret, hasher.hash(secret.value()), now, c.grace());
        keys.update(after);
        events.apiKeyRotated(after, now);
        var auditAfter = Snapshots.of(after);
        auditAfter.put("previous_valid_until", after.previousValidUntil());
        auditor.record(after.organizationId(), after.workspaceId(), "api_key.rotated", "api_key", after.id(),
                Snapshots.of(before), auditAfter);
        return new IssuedApiKey(after, secret);
    }

    @Override
    @Transactional
    public void revoke(String workspaceId, String keyId) {
        ApiKey before = get(workspaceId, keyId);
        Instant now = clock.instant();
        ApiKey after = before.revoked(now);
        keys.update(after);
        events.apiKeyRevoked(after, now);
        auditor.record(after.organizationId(), after.workspaceId(), "api_key.revoked", "api_key", after.id(),
                Snapshots.of(before), Snapshots.of(after));
    }
}
