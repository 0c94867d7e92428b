package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase;
import dev.atrium.workspace.application.port.in.ResolveApiKeyUseCase;
import dev.atrium.workspace.application.port.out.ApiKeyRepository;
import dev.atrium.workspace.application.port.out.MemberRepository;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.ApiKeySecret;
import dev.atrium.workspace.domain.GroupPaths;
import dev.atrium.workspace.domain.Ids;
import dev.atrium.workspace.domain.KeyHasher;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class ApiKeyService implements IssueApiKeyUseCase, ResolveApiKeyUseCase {

    private final WorkspaceRepository workspaces;
    private final ApiKeyRepository keys;
    private final WorkspaceEventPublisher events;
    private final KeyHasher hasher;
    private final Clock clock;
    private final Auditor auditor;
    private final SettingsSnapshots settings;
    private final MemberRepository members;

    public ApiKeyService(WorkspaceRepository workspaces, ApiKeyRepository keys, WorkspaceEventPublisher events,
            KeyHasher hasher, Clock clock, Auditor auditor, SettingsSnapshots settings, MemberRepository members) {
        this.members = members;
        this.workspaces = workspaces;
        this.keys = keys;
        this.events = events;
        this.hasher = hasher;
        this.clock = clock;
        this.auditor = auditor;
        this.settings = settings;
    }

    @Override
    @Transactional
    public IssuedApiKey issue(IssueApiKeyCommand command) {
        Workspace workspace = workspaces.findWorkspace(command.workspaceId())
                .orElseThrow(() -> ApiException.notFound("Workspace " + command.workspaceId() + " not found"));
        if (workspace.archived()) {
            throw ApiException.conflict("Workspace " + workspace.id() + " is archived");
        }
        if (command.ownerNamed() && !GroupPaths.mayOwnKey(members.groupsOf(command.ownerUserId()),
                workspace.organizationId(), workspace.id())) {
            throw new InvalidFieldException("owner_user_id",
                    "owner_user_id must name a member of the workspace or an admin of its organization");
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(Ids.apiKey(), workspace.id(), workspace.organizationId(), command.name(),
                secret.displayPrefix(), secret.last4(), hasher.hash(secret.value()), command.ownerUserId(),
                command.limit(), command.limitReset(), command.includeByokInLimit(), command.expiresAt(), false,
                clock.instant());
        keys.add(key);
        events.apiKeyCreated(key);
        auditor.record(key.organizationId(), key.workspaceId(), "api_key.created", "api_key", key.id(), null,
                Snapshots.of(key));
        return new IssuedApiKey(key, secret);
    }

    @Override
    @Transactional
    public Optional<ResolvedKey> resolve(String secret) {
        if (!ApiKeySecret.isWellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = hasher.hash(secret);
        return keys.findByHash(hash)
                .filter(key -> key.acceptsHash(hash, now))
                .flatMap(key -> workspaces.findWorkspace(key.workspaceId())
                        .filter(ws -> key.usableAt(now, ws))
                        .map(ws -> new ResolvedKey(key, ws, settings.of(ws), key.validUntil(hash))));
    }
}
