package dev.atrium.workspace.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase.CreateOrganizationCommand;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.atrium.workspace.domain.KeyHasher;
import dev.atrium.workspace.domain.Workspace;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final InMemoryTenancy store = new InMemoryTenancy();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final KeyHasher hasher = new KeyHasher("pepper-for-unit-tests");
    private final ApiKeyService keys = new ApiKeyService(store, store, store, hasher, clock);
    private Workspace workspace;

    @BeforeEach
    void tenancy() {
        var org = new OrganizationService(store, store, clock).create(CreateOrganizationCommand.of("Acme", "acme"));
        workspace = new WorkspaceService(store, store, store, clock)
                .create(CreateWorkspaceCommand.of(org.id(), "Prod", "prod", null, null));
    }

    @Test
    void storesOnlyTheKeyedHashOfTheSecret() {
        IssuedApiKey issued = issue("ci", null);
        var stored = store.keys.get(issued.key().id());
        assertThat(stored.hash()).isEqualTo(hasher.hash(issued.secret().value()))
                .doesNotContain(issued.secret().value());
        assertThat(store.events).contains("api-key.created:" + issued.key().id());
    }

    @Test
    void resolvesAnIssuedKeyToItsWorkspaceAndOrganization() {
        IssuedApiKey issued = issue("ci", new BigDecimal("5"));
        var resolved = keys.resolve(issued.secret().value()).orElseThrow();
        assertThat(resolved.key().id()).isEqualTo(issued.key().id());
        assertThat(resolved.workspace().id()).isEqualTo(workspace.id());
        assertThat(resolved.key().organizationId()).isEqualTo(workspace.organizationId());
        assertThat(resolved.key().limit()).isEqualByComparingTo("5");
    }

    @Test
    void rejectsUnknownAndMalformedKeys() {
        issue("ci", null);
        assertThat(keys.resolve("sk-at-v1-nonsense")).isEmpty();
        assertThat(keys.resolve(dev.atrium.workspace.domain.ApiKeySecret.generate().value())).isEmpty();
        assertThat(keys.resolve(null)).isEmpty();
    }

    @Test
    void rejectsKeyOfArchivedWorkspace() {
        IssuedApiKey issued = issue("ci", null);
        Workspace w = workspace;
        store.workspaces.put(w.id(), new Workspace(w.id(), w.organizationId(), w.name(), w.slug(),
                w.defaultTextModel(), w.defaultProviderSort(), true, w.settingsRevision(), w.createdAt()));
        assertThat(keys.resolve(issued.secret().value())).isEmpty();
    }

    @Test
    void rejectsExpiredKey() {
        IssuedApiKey issued = keys.issue(IssueApiKeyCommand.of(workspace.id(), "short-lived", null, null, false,
                NOW.plusSeconds(60), "user-1", NOW));
        var later = new ApiKeyService(store, store, store, hasher, Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
        assertThat(keys.resolve(issued.secret().value())).isPresent();
        assertThat(later.resolve(issued.secret().value())).isEmpty();
    }

    @Test
    void refusesKeysForUnknownWorkspace() {
        assertThatThrownBy(() -> keys.issue(IssueApiKeyCommand.of("ws_missing", "ci", null, null, false, null, "u", NOW)))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).status()).isEqualTo(404);
    }

    @Test
    void commandsNameTheInvalidField() {
        assertThatThrownBy(() -> IssueApiKeyCommand.of(workspace.id(), "ci", new BigDecimal("-1"), null, false, null, "u", NOW))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("limit");
        assertThatThrownBy(() -> IssueApiKeyCommand.of(workspace.id(), "ci", null, "hourly", false, null, "u", NOW))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("limit_reset");
        assertThatThrownBy(() -> CreateWorkspaceCommand.of("org", "X", "Bad Slug", null, null))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("slug");
    }

    private IssuedApiKey issue(String name, BigDecimal limit) {
        return keys.issue(IssueApiKeyCommand.of(workspace.id(), name, limit, "monthly", false, null, "user-1", NOW));
    }
}
