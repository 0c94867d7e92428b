package dev.atrium.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyHasherTest {

    private final KeyHasher hasher = new KeyHasher("pepper-for-unit-tests");

    @Test
    void hashDependsOnThePepper() {
        String secret = ApiKeySecret.generate().value();
        assertThat(hasher.hash(secret)).hasSize(64).isNotEqualTo(new KeyHasher("another-pepper-value").hash(secret));
        assertThat(hasher.hash(secret)).doesNotContain(secret);
    }

    @Test
    void matchesOnlyTheSameSecret() {
        String secret = ApiKeySecret.generate().value();
        String stored = hasher.hash(secret);
        assertThat(hasher.matches(secret, stored)).isTrue();
        assertThat(hasher.matches(ApiKeySecret.generate().value(), stored)).isFalse();
    }

    @Test
    void refusesAShortPepper() {
        assertThatThrownBy(() -> new KeyHasher("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
