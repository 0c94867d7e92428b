package dev.atrium.gateway.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.testing.MutableClock;
import dev.atrium.workspace.api.KeyContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyContextCacheTest {

    private static final Instant WALL = Instant.parse("2026-12-06T12:00:00Z");

    private final AtomicLong now = new AtomicLong();
    private final MutableClock wall = new MutableClock(WALL);
    private final KeyContextCache cache = new KeyContextCache(Duration.ofSeconds(30).toNanos(), 3, now::get, wall);

    @Test
    void answersFromMemoryUntilTheTimeLimit() {
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), cache.epoch(), cache.now());
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.get("sk-at-v1-a")).map(KeyContext::keyId).contains("key_a");
        assertThat(cache.get("sk-at-v1-other")).isEmpty();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.get("sk-at-v1-a")).isEmpty();
    }

    @Test
    void aKeyPastItsExpiryIsNeverAnsweredFromMemory() {
        KeyContext expiring = withExpiry(context("key_x", "ws_1"), WALL.plusSeconds(3));
        cache.put("sk-at-v1-x", expiring, cache.epoch(), cache.now());
        wall.set(WALL.plusMillis(2_999));
        assertThat(cache.get("sk-at-v1-x")).map(KeyContext::keyId).contains("key_x");
        wall.set(WALL.plusSeconds(3));
        assertThat(cache.get("sk-at-v1-x")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aChangedKeyOrWorkspaceIsForgottenAtOnce() {
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), cache.epoch(), cache.now());
        cache.put("sk-at-v1-b", context("key_b", "ws_1"), cache.epoch(), cache.now());
        cache.put("sk-at-v1-c", context("key_c", "ws_2"), cache.epoch(), cache.now());

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
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), started, cache.now());
        assertThat(cache.get("sk-at-v1-a")).isEmpty();
    }

    @Test
    void staysWithinItsSizeAndIsOffAtZeroTtl() {
        for (String k : new String[] {"a", "b", "c", "d"}) {
            cache.put("sk-at-v1-" + k, context("key_" + k, "ws_1"), cache.epoch(), cache.now());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(cache.get("sk-at-v1-d")).isPresent();

        KeyContextCache off = new KeyContextCache(0, 3, now::get, wall);
        off.put("sk-at-v1-a", context("key_a", "ws_1"), off.epoch(), off.now());
        assertThat(off.get("sk-at-v1-a")).isEmpty();
    }

    @Test
    void aKeyInUseIsDueForOneEarlyResolutionWhoseAnswerIsKeptForTheWholeLimitFromItsStart() {
        List<String> due = new ArrayList<>();
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), cache.epoch(), cache.now());
        now.addAndGet(Duration.ofMillis(22_499).toNanos());
        assertThat(cache.get("sk-at-v1-a", c -> due.add(c.keyId()))).isPresent();
        assertThat(due).isEmpty();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get("sk-at-v1-a", c -> due.add(c.keyId()))).isPresent();
        assertThat(cache.get("sk-at-v1-a", c -> due.add(c.keyId()))).isPresent();
        assertThat(due).as("one early resolution per kept context").containsExactly("key_a");

        long epoch = cache.epoch();
        long started = cache.now();
        now.addAndGet(Duration.ofMillis(5).toNanos());
        cache.put("sk-at-v1-a", context("key_a", "ws_2"), epoch, started);
        now.addAndGet(Duration.ofMillis(29_990).toNanos());
        assertThat(cache.get("sk-at-v1-a")).map(KeyContext::workspaceId).contains("ws_2");
        now.addAndGet(Duration.ofMillis(10).toNanos());
        assertThat(cache.get("sk-at-v1-a")).as("30 s from when the resolution began, not after").isEmpty();
        assertThat(cache.get("sk-at-v1-unknown", c -> due.add(c.keyId()))).isEmpty();
        assertThat(due).hasSize(1);
    }

    @Test
    void aKeyPastItsExpiryIsNotResolvedAheadButDropped() {
        List<String> due = new ArrayList<>();
        cache.put("sk-at-v1-x", withExpiry(context("key_x", "ws_1"), WALL.plusSeconds(25)), cache.epoch(),
                cache.now());
        now.addAndGet(Duration.ofSeconds(26).toNanos());
        wall.set(WALL.plusSeconds(26));
        assertThat(cache.get("sk-at-v1-x", c -> due.add(c.keyId()))).isEmpty();
        assertThat(due).isEmpty();
    }

    @Test
    void aKeyThatNoLongerResolvesIsDroppedWithoutDiscardingOtherKeysResolutions() {
        KeyContext b = context("key_b", "ws_1");
        cache.put("sk-at-v1-b", b, cache.epoch(), cache.now());
        long epoch = cache.epoch();
        long started = cache.now();
        cache.drop("sk-at-v1-b", b);
        assertThat(cache.get("sk-at-v1-b")).isEmpty();
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), epoch, started);
        assertThat(cache.get("sk-at-v1-a")).as("a resolution under way when another key was dropped").isPresent();

        KeyContext newer = context("key_c", "ws_1");
        cache.put("sk-at-v1-c", newer, cache.epoch(), cache.now());
        cache.drop("sk-at-v1-c", context("key_c", "ws_1"));
        assertThat(cache.get("sk-at-v1-c")).as("only the context the early resolution replaced").isPresent();
    }

    @Test
    void anEarlyAnswerReadBeforeAChangeIsNotKept() {
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), cache.epoch(), cache.now());
        now.addAndGet(Duration.ofSeconds(23).toNanos());
        long epoch = cache.epoch();
        long started = cache.now();
        cache.forgetWorkspace("ws_1");
        cache.put("sk-at-v1-a", context("key_a", "ws_1"), epoch, started);
        assertThat(cache.get("sk-at-v1-a")).isEmpty();
    }

    private static KeyContext context(String keyId, String workspaceId) {
        return new KeyContext(keyId, "k", "user", null, null, false, workspaceId, "default", "org_1", null, null, 1);
    }

    private static KeyContext withExpiry(KeyContext c, Instant expiresAt) {
        return new KeyContext(c.keyId(), c.keyName(), c.ownerUserId(), c.limit(), c.limitReset(),
                c.includeByokInLimit(), c.workspaceId(), c.workspaceSlug(), c.organizationId(), c.defaultTextModel(),
                c.defaultProviderSort(), c.settingsRevision(), c.byokProviders(), c.presets(), c.plugins(),
                c.observability(), expiresAt);
    }
}
