package dev.atrium.gateway.adapter.out.client;

import dev.atrium.workspace.api.KeyContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Resolved keys, held for a short time so most requests skip the hop to workspace-service. Entries
 * are found by the SHA-256 of the presented key (the secret itself is never kept) and dropped when a
 * workspace event says the key or its workspace changed; the time limit only bounds how stale an
 * entry can get while those events cannot arrive. Unknown keys are never kept. A key past its
 * {@code expires_at} is never answered from here, whatever the time limit: expiry needs no event, so it
 * is checked on every read against the wall clock (one comparison), and the entry dropped.
 */
final class KeyContextCache {

    /** One digest per thread: looking the provider up on every request cost more than the hash. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    });

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every eviction, so an answer read before it is not kept after it. */
    private final AtomicLong epoch = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Clock clock;

    KeyContextCache(long ttlNanos, int maxEntries, LongSupplier nanoTime, Clock clock) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        this.clock = clock;
    }

    /** Where a resolution starts: what {@link #put} needs to know whether an eviction happened since. */
    long epoch() {
        return epoch.get();
    }

    Optional<KeyContext> get(String apiKey) {
        String fingerprint = fingerprint(apiKey);
        Entry entry = entries.get(fingerprint);
        if (entry == null || nanoTime.getAsLong() - entry.storedAt() > ttlNanos) {
            return Optional.empty();
        }
        if (entry.context().expiredAt(clock.instant())) {
            entries.remove(fingerprint, entry);
            return Optional.empty();
        }
        return Optional.of(entry.context());
    }

    void put(String apiKey, KeyContext context, long startedAtEpoch) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        String fingerprint = fingerprint(apiKey);
        entries.put(fingerprint, new Entry(context, nanoTime.getAsLong()));
        if (epoch.get() != startedAtEpoch) {
            // An eviction raced with this resolution: what was read may already be stale.
            entries.remove(fingerprint);
        }
    }

    void forgetKey(String keyId) {
        epoch.incrementAndGet();
        entries.values().removeIf(e -> e.context().keyId().equals(keyId));
    }

    void forgetWorkspace(String workspaceId) {
        epoch.incrementAndGet();
        entries.values().removeIf(e -> e.context().workspaceId().equals(workspaceId));
    }

    int size() {
        return entries.size();
    }

    private static String fingerprint(String apiKey) {
        return HexFormat.of().formatHex(SHA_256.get().digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    }

    private record Entry(KeyContext context, long storedAt) {
    }
}
