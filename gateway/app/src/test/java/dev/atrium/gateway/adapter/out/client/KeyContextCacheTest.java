package dev.atrium.gateway.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.workspace.api.KeyContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyContextCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final KeyContextCache cache = new KeyContextCache(Duration.ofSeconds(30).toNanos(), 3, now::get);

    @Test
    void answersFromMemoryUntilTheTimeLimit() {
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), cache.epoch());
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.get("sk-at-v1-a")).map(KeyContext::keyId).contains("key_a");
        assertThat(cache.get("sk-at-v1-other")).isEmpty();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.get("sk-at-v1-a")).isEmpty();
    }

    @Test
    void aChangedKeyOrWorkspaceIsForgottenAtOnce() {
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), cache.epoch());
        cache.put("sk-at-v1-b", context("key_b", "ws_1"), cache.epoch());
        cache.put("sk-at-v1-c", context("key_c", "ws_2"), cache.epoch());

        cache.forgetKey("key_a");
        assertThat(cache.get("sk-at-v1-a")).isEmpty();
        assertThat(cache.get("sk-at-v1-b")).isPresent();

        cache.forgetWorkspace("ws_1");
        assertThat(cache.get("sk-at-v1-b")).isEmpty();
        assertThat(cache.get("sk-at-v1-c")).isPresent();
    }

    @Test
    void anAnswerReadBeforeAnEvictionIsNotKept() {
        long started = cache.epoch();
        cache.forgetKey("key_a");
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), started);
        assertThat(cache.get("sk-at-v1-a")).isEmpty();
    }

    @Test
    void staysWithinItsSizeAndIsOffAtZeroTtl() {
        for (String k : new String[] {"a", "b", "c", "d"}) {
            cache.put("sk-at-v1-" + k, context("key_" + k, "ws_1"), cache.epoch());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(cache.get("sk-at-v1-d")).isPresent();

        KeyContextCache off = new KeyContextCache(0, 3, now::get);
        off.put("sk-at-v1-a", context("key_a", "ws_1"), off.epoch());
        assertThat(off.get("sk-at-v1-a")).isEmpty();
    }

    private static KeyContext context(String keyId, String workspaceId) {
        return new KeyContext(keyId, "k", "user", null, null, false, workspaceId, "default", "org_1", null, null, 1);
    }
}
