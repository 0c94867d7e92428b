package dev.atrium.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void generatedKeysAreTypedAndCheckable() {
        ApiKeySecret secret = ApiKeySecret.generate();
        assertThat(secret.value()).startsWith("sk-at-v1-").hasSize(55);
        assertThat(ApiKeySecret.isWellFormed(secret.value())).isTrue();
        assertThat(secret.displayPrefix()).hasSize(12);
        assertThat(secret.value()).endsWith(secret.last4());
    }

    @Test
    void aSingleMistypedCharacterFailsTheChecksum() {
        String value = ApiKeySecret.generate().value();
        char c = value.charAt(20);
        String typo = value.substring(0, 20) + (c == 'a' ? 'b' : 'a') + value.substring(21);
        assertThat(ApiKeySecret.isWellFormed(typo)).isFalse();
    }

    @Test
    void rejectsForeignShapes() {
        assertThat(ApiKeySecret.isWellFormed(null)).isFalse();
        assertThat(ApiKeySecret.isWellFormed("sk-or-v1-abc")).isFalse();
        assertThat(ApiKeySecret.isWellFormed("sk-at-v1-" + "!".repeat(46))).isFalse();
    }

    @Test
    void toStringNeverShowsTheSecret() {
        ApiKeySecret secret = ApiKeySecret.generate();
        assertThat(secret.toString()).doesNotContain(secret.value().substring(12));
    }

    @Test
    void aManagementKeyIsNeverTakenForAnApiKeyNorTheReverse() {
        ApiKeySecret management = ApiKeySecret.generateManagement();
        ApiKeySecret api = ApiKeySecret.generate();
        assertThat(management.value()).startsWith(dev.atrium.common.security.ManagementKeyIdentity.PREFIX);
        assertThat(ApiKeySecret.isWellFormedManagement(management.value())).isTrue();
        assertThat(ApiKeySecret.isWellFormed(management.value())).isFalse();
        assertThat(ApiKeySecret.isWellFormedManagement(api.value())).isFalse();
        assertThat(management.displayPrefix()).isEqualTo(management.value().substring(0, "sk-at-mgmt-v1-".length() + 3));
    }
}
