package dev.atrium.workspace.application.service;

import static dev.atrium.workspace.application.service.Fixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.atrium.workspace.domain.ApiKeySecret;
import dev.atrium.workspace.domain.Workspace;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    private final Fixture f = new Fixture();
    private Workspace workspace;

    @BeforeEach
    void tenancy() {
        workspace = f.workspace(f.organization("acme"), "prod");
    }

    @Test
    void storesOnlyTheKeyedHashOfTheSecret() {
        IssuedApiKey issued = issue("ci", null);
        var stored = f.store.keys.get(issued.key().id());
        assertThat(stored.hash()).isEqualTo(f.hasher.hash(issued.secret().value()))
                .doesNotContain(issued.secret().value());
        assertThat(f.store.events).contains("api-key.created:" + issued.key().id());
    }

    @Test
    void resolvesAnIssuedKeyToItsWorkspaceAndOrganization() {
        IssuedApiKey issued = issue("ci", new BigDecimal("5"));
        var resolved = f.keys.resolve(issued.secret().value()).orElseThrow();
        assertThat(resolved.key().id()).isEqualTo(issued.key().id());
        assertThat(resolved.workspace().id()).isEqualTo(workspace.id());
        assertThat(resolved.key().organizationId()).isEqualTo(workspace.organizationId());
        assertThat(resolved.key().limit()).isEqualByComparingTo("5");
    }

    @Test
    void rejectsUnknownAndMalformedKeys() {
        issue("ci", null);
        assertThat(f.keys.resolve("sk-at-v1-nonsense")).isEmpty();
        assertThat(f.keys.resolve(ApiKeySecret.generate().value())).isEmpty();
        assertThat(f.keys.resolve(null)).isEmpty();
    }

    @Test
    void rejectsKeyOfArchivedWorkspace() {
        IssuedApiKey issued = issue("ci", null);
        f.workspaces.archive(workspace.id());
        assertThat(f.keys.resolve(issued.secret().value())).isEmpty();
    }

    @Test
    void rejectsExpiredKey() {
        IssuedApiKey issued = f.keys.issue(IssueApiKeyCommand.of(workspace.id(), "short-lived", null, null, false,
                NOW.plusSeconds(60), "user-1", NOW));
        assertThat(f.keys.resolve(issued.secret().value())).isPresent();
        f.clock.advance(Duration.ofSeconds(61));
        assertThat(f.keys.resolve(issued.secret().value())).isEmpty();
    }

    @Test
    void refusesKeysForUnknownWorkspace() {
        assertThatThrownBy(() -> f.keys.issue(IssueApiKeyCommand.of("ws_missing", "ci", null, null, false, null, "u", NOW)))
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
        return f.keys.issue(IssueApiKeyCommand.of(workspace.id(), name, limit, "monthly", false, null, "user-1", NOW));
    }
}
