package dev.atrium.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aSecretWorksUntilTheKeysExpiryOrItsGracePeriodsEndWhicheverIsFirst() {
        ApiKey key = key(NOW.plus(Duration.ofHours(2)));
        assertThat(key.validUntil("hash-1")).isEqualTo(NOW.plus(Duration.ofHours(2)));

        ApiKey rotated = key.rotated(ApiKeySecret.generate(), "hash-2", NOW, Duration.ofHours(1));
        assertThat(rotated.validUntil("hash-2")).as("the new secret").isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(rotated.validUntil("hash-1")).as("the previous secret").isEqualTo(NOW.plus(Duration.ofHours(1)));

        ApiKey longGrace = key.rotated(ApiKeySecret.generate(), "hash-2", NOW, Duration.ofHours(5));
        assertThat(longGrace.validUntil("hash-1")).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(key(null).validUntil("hash-1")).isNull();
    }

    @Test
    void aKeyWhoseOwnerWasRemovedIsNotUsableAndStaysSoThroughLaterChanges() {
        Workspace ws = new Workspace("ws_1", "org_1", "W", new Slug("w"), null, null, false, 1, NOW);
        ApiKey orphan = key(null).ownerRemoved(NOW);
        assertThat(key(null).usableAt(NOW, ws)).isTrue();
        assertThat(orphan.usableAt(NOW, ws)).isFalse();
        ApiKey reEnabled = orphan.withSettings("k", null, null, false, null, false);
        assertThat(reEnabled.usableAt(NOW, ws)).isFalse();
        assertThat(reEnabled.ownerRemovedAt()).isEqualTo(NOW);
    }

    private static ApiKey key(Instant expiresAt) {
        return new ApiKey("key_1", "ws_1", "org_1", "k", "sk-at-v1-abc", "wxyz", "hash-1", "user-1", null, null,
                false, expiresAt, false, NOW.minusSeconds(60));
    }
}
