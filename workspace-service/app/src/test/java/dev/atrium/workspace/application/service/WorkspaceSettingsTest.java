package dev.atrium.workspace.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.in.SaveByokCredentialUseCase.SaveByokCredentialCommand;
import dev.atrium.workspace.application.port.in.SavePresetUseCase.SavePresetCommand;
import dev.atrium.workspace.domain.ObservabilityDestination;
import dev.atrium.workspace.domain.PluginSetting;
import dev.atrium.workspace.domain.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceSettingsTest {

    private static final String SECRET = "sk-provider-secret-1234";

    private final Fixture f = new Fixture();
    private Workspace workspace;

    @BeforeEach
    void workspace() {
        workspace = f.workspace(f.organization("acme"), "prod");
    }

    @Test
    void byokSecretIsSealedAtRestAndOpensOnlyForTheGateway() {
        var saved = f.byok.save(SaveByokCredentialCommand.of(workspace.id(), "openai", SECRET, true,
                List.of("openai/gpt-4o-mini")));
        assertThat(saved.secret().ciphertext()).doesNotContain(SECRET);
        assertThat(saved.secret().keyId()).isEqualTo("k1");
        assertThat(saved.last4()).isEqualTo("1234");
        assertThat(f.byok.secret(workspace.id(), "openai").key()).isEqualTo(SECRET);
        assertThat(f.settings.audit.get(f.settings.audit.size() - 1).after()).containsEntry("key", "****1234")
                .doesNotContainValue(SECRET);
    }

    @Test
    void everySettingsChangeTakesTheNextRevision() {
        long start = f.reload(workspace).settingsRevision();
        f.byok.save(SaveByokCredentialCommand.of(workspace.id(), "openai", SECRET, false, null));
        f.presets.save(SavePresetCommand.of(workspace.id(), "support", "Be kind", null, Map.of(), List.of(), null));
        f.workspaceSettings.save(workspace.id(), List.of(new PluginSetting("moderation", true, true, Map.of())));
        f.workspaceSettings.saveObservability(workspace.id(), List.of(
                new ObservabilityDestination("webhook", "https://hooks.example.com/x", Map.of(), 0.5, true)));
        f.byok.delete(workspace.id(), "openai");
        assertThat(f.reload(workspace).settingsRevision()).isEqualTo(start + 5);
    }

    @Test
    void resolutionReportsProvidersPresetsAndPluginsWithoutSecrets() {
        var issued = f.keys.issue(IssueApiKeyCommand.of(workspace.id(), "ci", null, null, false, null, "u",
                Fixture.NOW));
        f.byok.save(SaveByokCredentialCommand.of(workspace.id(), "anthropic", SECRET, true, null));
        f.presets.save(SavePresetCommand.of(workspace.id(), "support", "v1", null, Map.of(), List.of(), null));
        f.presets.save(SavePresetCommand.of(workspace.id(), "support", "v2", null, Map.of(), List.of(), null));
        var settings = f.keys.resolve(issued.secret().value()).orElseThrow().settings();
        assertThat(settings.byok()).extracting(c -> c.provider()).containsExactly("anthropic");
        assertThat(settings.presetIndex()).containsEntry("support", 2);
    }

    @Test
    void presetVersionsAreAddressableAndListedNewestFirst() {
        f.presets.save(SavePresetCommand.of(workspace.id(), "support", "first", null, Map.of("temperature", 0.2),
                List.of("temperature"), null));
        f.presets.save(SavePresetCommand.of(workspace.id(), "support", "second", null, Map.of(), List.of(), null));
        assertThat(f.presets.get(workspace.id(), "support").systemPrompt()).isEqualTo("second");
        assertThat(f.presets.get(workspace.id(), "support@1").systemPrompt()).isEqualTo("first");
        assertThat(f.presets.versions(workspace.id(), "support", PageRequest.of(null, null)).data())
                .extracting(p -> p.version()).containsExactly(2, 1);
        assertThatThrownBy(() -> f.presets.get(workspace.id(), "support@3"))
                .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
    }

    @Test
    void presetParametersAreCheckedNamingTheParameter() {
        assertThatThrownBy(() -> SavePresetCommand.of("ws", "p", null, null, Map.of("temperature", 3), null, null))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("parameters.temperature");
        assertThatThrownBy(() -> SavePresetCommand.of("ws", "p", null, null, Map.of("warp", 1), null, null))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("parameters.warp");
        assertThatThrownBy(() -> SavePresetCommand.of("ws", "p", null, null, null, List.of("warp"), null))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("locked_parameters");
    }

    @Test
    void observabilityHeadersAreSealedAndShownMasked() {
        var shown = f.workspaceSettings.saveObservability(workspace.id(), List.of(new ObservabilityDestination("otlp",
                "https://otel.example.com/v1/traces", Map.of("Authorization", "Bearer abcdefghijkl"), 1, false)));
        assertThat(shown.get(0).headers()).containsEntry("Authorization", "****");
        assertThat(f.settings.observability.get(workspace.id()).get(0).headers().get("Authorization"))
                .startsWith("k1:").doesNotContain("abcdefghijkl");
        assertThat(f.workspaceSettings.observability(workspace.id()).get(0).headers())
                .containsEntry("Authorization", "****");
        assertThat(f.workspaceSettings.observabilityWithHeaders(workspace.id()).get(0).headers())
                .containsEntry("Authorization", "Bearer abcdefghijkl");
    }

    @Test
    void settingsOfAnArchivedWorkspaceCannotChange() {
        f.workspaces.archive(workspace.id());
        assertThatThrownBy(() -> f.byok.save(SaveByokCredentialCommand.of(workspace.id(), "openai", SECRET, false,
                null))).extracting(e -> ((ApiException) e).status()).isEqualTo(409);
        assertThat(f.settings.byok).isEmpty();
    }
}
