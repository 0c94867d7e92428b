package dev.atrium.gateway.adapter.out.client;

import dev.atrium.common.cache.KeptValues;
import dev.atrium.workspace.api.KeyContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Resolved keys, held for a short time so most requests skip the hop to workspace-service. Entries
 * are found by the SHA-256 of the presented key (the secret itself is never kept) and dropped when a
 * workspace event says the key or its workspace changed; the time limit only bounds how stale an
 * entry can get while those events cannot arrive. Unknown keys are never kept. A key past its
 * {@code expires_at} is never answered from here, whatever the time limit: expiry needs no event, so it
 * is checked on every read against the wall clock (one comparison), and the entry dropped. A key in use is
 * resolved again ahead of its time limit ({@link #get(String, Consumer)}), off the request that finds it due, so a
 * steady client never waits for the hop; the limit itself is unchanged.
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

    /** By fingerprint; a time limit of zero keeps nothing. */
    private final KeptValues<String, KeyContext> entries;
    private final Clock clock;

    KeyContextCache(long ttlNanos, int maxEntries, LongSupplier nanoTime, Clock clock) {
        this.entries = KeptValues.keptFor(maxEntries, Duration.ofNanos(Math.max(0, ttlNanos)), nanoTime);
        this.clock = clock;
    }

    /** Where a resolution starts: what {@link #put} needs to know whether an eviction happened since. */
    long epoch() {
        return entries.generation();
    }

    Optional<KeyContext> get(String apiKey) {
        return get(apiKey, due -> { });
    }

    /**
     * The kept context of {@code apiKey}; {@code whenDue} is given it once per kept context, when three quarters of
     * the time limit have passed ({@link KeptValues#claimRefresh}): the caller resolves the key again off its
     * request. The key is hashed once for both.
     */
    Optional<KeyContext> get(String apiKey, Consumer<KeyContext> whenDue) {
        String fingerprint = fingerprint(apiKey);
        long now = entries.now();
        KeyContext context = entries.find(fingerprint, now);
        if (context == null) {
            return Optional.empty();
        }
        if (context.expiredAt(clock.instant())) {
            entries.drop(fingerprint, context);
            return Optional.empty();
        }
        if (entries.claimRefresh(fingerprint, now)) {
            whenDue.accept(context);
        }
        return Optional.of(context);
    }

    /** Where a resolution starts on the clock: the time limit counts from it. */
    long now() {
        return entries.now();
    }

    void put(String apiKey, KeyContext context, long startedAtEpoch, long startedAt) {
        entries.keep(fingerprint(apiKey), context, startedAtEpoch, startedAt);
    }

    /**
     * {@code apiKey} no longer resolves (deleted or revoked, its event not heard yet): {@code context}, if still
     * the one kept, answers no more. Other keys' resolutions under way are kept, unlike {@link #forgetKey}.
     */
    void drop(String apiKey, KeyContext context) {
        entries.drop(fingerprint(apiKey), context);
    }

    void forgetKey(String keyId) {
        entries.forgetIf((key, context) -> context.keyId().equals(keyId));
    }

    void forgetWorkspace(String workspaceId) {
        entries.forgetIf((key, context) -> context.workspaceId().equals(workspaceId));
    }

    int size() {
        return (int) entries.size();
    }

    private static String fingerprint(String apiKey) {
        return HexFormat.of().formatHex(SHA_256.get().digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    }
}
