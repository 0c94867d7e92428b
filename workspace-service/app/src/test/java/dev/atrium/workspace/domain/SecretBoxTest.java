package dev.atrium.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] OLD = new byte[32];
    private static final byte[] NEW = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void sealsWithTheActiveKeyAndOpensWithTheNamedOne() {
        var oldBox = new SecretBox(Map.of("old", OLD), "old");
        var sealed = oldBox.seal("sk-secret", "byok/ws/openai");
        assertThat(sealed.keyId()).isEqualTo("old");
        assertThat(sealed.ciphertext()).doesNotContain("sk-secret");
        var rotated = new SecretBox(Map.of("old", OLD, "new", NEW), "new");
        assertThat(rotated.open(sealed, "byok/ws/openai")).isEqualTo("sk-secret");
        assertThat(rotated.seal("x", "a").keyId()).isEqualTo("new");
    }

    @Test
    void aCiphertextMovedToAnotherOwnerFailsItsIntegrityCheck() {
        var box = new SecretBox(Map.of("k", NEW), "k");
        var sealed = box.seal("sk-secret", "byok/ws_a/openai");
        assertThatThrownBy(() -> box.open(sealed, "byok/ws_b/openai")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        var box = new SecretBox(Map.of("k", NEW), "k");
        assertThat(box.seal("same", "a").ciphertext()).isNotEqualTo(box.seal("same", "a").ciphertext());
    }

    @Test
    void refusesAMissingActiveKeyOrAShortKey() {
        assertThatThrownBy(() -> new SecretBox(Map.of("k", NEW), "other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox(Map.of("k", new byte[16]), "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
