package dev.atrium.workspace.application.service;

import static dev.atrium.workspace.application.service.Fixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.in.Patch;
import dev.atrium.workspace.application.port.in.RotateApiKeyUseCase.RotateApiKeyCommand;
import dev.atrium.workspace.application.port.in.UpdateApiKeyUseCase.UpdateApiKeyCommand;
import dev.atrium.workspace.api.LimitReset;
import dev.atrium.workspace.domain.Workspace;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyLifecycleServiceTest {

    private final Fixture f = new Fixture();
    private Workspace workspace;
    private IssuedApiKey issued;

    @BeforeEach
    void key() {
        workspace = f.workspace(f.organization("acme"), "prod");
        issued = f.keys.issue(IssueApiKeyCommand.of(workspace.id(), "ci", new BigDecimal("5"), "monthly", false, null,
                "user-1", NOW));
    }

    @Test
    void disablingAKeyStopsItResolvingAndEnablingBringsItBack() {
        update(Patch.keep(), Patch.keep(), Patch.of(true));
        assertThat(f.keys.resolve(issued.secret().value())).isEmpty();
        update(Patch.keep(), Patch.keep(), Patch.of(false));
        assertThat(f.keys.resolve(issued.secret().value())).isPresent();
        assertThat(f.store.events).contains("api-key.updated:" + issued.key().id());
    }

    @Test
    void updateChangesOnlyTheFieldsSentAndNullClearsTheLimit() {
        var updated = update(Patch.of("renamed"), Patch.of(null), Patch.keep());
        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.limit()).isNull();
        assertThat(updated.limitReset()).isEqualTo(LimitReset.MONTHLY);
        var audit = f.settings.audit.get(f.settings.audit.size() - 1);
        assertThat(audit.action()).isEqualTo("api_key.updated");
        assertThat(audit.before()).containsEntry("name", "ci");
        assertThat(audit.after()).containsEntry("name", "renamed").containsEntry("limit", null);
    }

    @Test
    void rotationWithoutGraceInvalidatesTheOldSecretAtOnce() {
        var rotated = f.lifecycle.rotate(RotateApiKeyCommand.of(workspace.id(), issued.key().id(), null));
        assertThat(f.keys.resolve(issued.secret().value())).isEmpty();
        assertThat(f.keys.resolve(rotated.secret().value())).isPresent();
        assertThat(rotated.key().last4()).isEqualTo(rotated.secret().last4());
        assertThat(f.store.events).contains("api-key.rotated:" + issued.key().id());
    }

    @Test
    void rotationWithGraceKeepsTheOldSecretUntilTheGraceEnds() {
        var rotated = f.lifecycle.rotate(RotateApiKeyCommand.of(workspace.id(), issued.key().id(), 300L));
        assertThat(rotated.key().previousValidUntil()).isEqualTo(NOW.plusSeconds(300));
        assertThat(f.keys.resolve(issued.secret().value())).isPresent();
        f.clock.advance(Duration.ofSeconds(300));
        assertThat(f.keys.resolve(issued.secret().value())).isEmpty();
        assertThat(f.keys.resolve(rotated.secret().value())).isPresent();
    }

    @Test
    void revokedKeyNeitherResolvesNorListsNorReads() {
        f.lifecycle.revoke(workspace.id(), issued.key().id());
        assertThat(f.keys.resolve(issued.secret().value())).isEmpty();
        assertThat(f.lifecycle.list(workspace.id(), PageRequest.of(null, null)).data()).isEmpty();
        assertThatThrownBy(() -> f.lifecycle.get(workspace.id(), issued.key().id()))
                .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
        assertThat(f.store.events).contains("api-key.revoked:" + issued.key().id());
    }

    @Test
    void aKeyOfAnotherWorkspaceIsNotFound() {
        var other = f.workspace(f.organization("other"), "prod");
        assertThatThrownBy(() -> f.lifecycle.get(other.id(), issued.key().id()))
                .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
    }

    @Test
    void graceOutsideItsRangeIsRejectedNamingTheField() {
        assertThatThrownBy(() -> RotateApiKeyCommand.of("ws", "key", -1L))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("grace_seconds");
        assertThatThrownBy(() -> RotateApiKeyCommand.of("ws", "key", 700_000L))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("grace_seconds");
    }

    @Test
    void listingPagesThroughTheKeys() {
        for (int i = 0; i < 4; i++) {
            f.keys.issue(IssueApiKeyCommand.of(workspace.id(), "k" + i, null, null, false, null, "user-1", NOW));
        }
        var first = f.lifecycle.list(workspace.id(), PageRequest.of(3, null));
        var second = f.lifecycle.list(workspace.id(), PageRequest.of(3, first.nextCursor()));
        assertThat(first.data()).hasSize(3);
        assertThat(second.data()).hasSize(2);
        assertThat(second.nextCursor()).isNull();
    }

    private dev.atrium.workspace.domain.ApiKey update(Patch<String> name, Patch<BigDecimal> limit,
            Patch<Boolean> disabled) {
        return f.lifecycle.update(UpdateApiKeyCommand.of(workspace.id(), issued.key().id(), name, limit,
                Patch.keep(), Patch.keep(), Patch.keep(), disabled, NOW));
    }
}
