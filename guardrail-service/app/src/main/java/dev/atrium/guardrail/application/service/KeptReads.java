package dev.atrium.guardrail.application.service;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Values read from the database, kept per key for a while so a check reads them once
 * (docs/adr/0006-guardrail-keeps-policies.md): the keys and policies of {@link LevelPolicies}, the prices
 * of {@link PriceService}. {@link #forget()}, called when a change's transaction ends, ends every value
 * kept; a value read before that call is never kept past it, since it is kept with the generation its
 * read began in. Past {@code maxKept} keys all are forgotten, so the map never grows with unbounded input.
 */
final class KeptReads<K, V> {

    private record Kept<T>(T value, long generation, long untilNanos) {
    }

    private final LongSupplier nanoTime;
    private final long keptForNanos;
    private final int maxKept;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();

    /** {@code keptFor} zero keeps nothing: every {@link #get} reads. */
    KeptReads(LongSupplier nanoTime, Duration keptFor, int maxKept) {
        this.nanoTime = nanoTime;
        this.keptForNanos = keptFor.toNanos();
        this.maxKept = maxKept;
    }

    /** The kept value, or {@code read}'s, which is kept. */
    V get(K key, Supplier<V> read) {
        long began = generation();
        long asked = nanoTime.getAsLong();
        V found = find(key, asked);
        if (found != null) {
            return found;
        }
        V value = read.get();
        keep(key, value, began, asked);
        return value;
    }

    /** Where a read begins: {@link #keep} needs it to know whether a change ended since. */
    long generation() {
        return generation.get();
    }

    long now() {
        return nanoTime.getAsLong();
    }

    /** The value kept for {@code key} still answering at {@code asked}, or null. */
    V find(K key, long asked) {
        Kept<V> found = kept.get(key);
        return found != null && found.generation() == generation.get() && asked - found.untilNanos() < 0
                ? found.value() : null;
    }

    /** Keeps a value read from {@code began} (a {@link #generation()}) at {@code asked} (a {@link #now()}). */
    void keep(K key, V value, long began, long asked) {
        if (keptForNanos <= 0 || began != generation.get()) {
            return;
        }
        if (kept.size() >= maxKept) {
            kept.clear();
        }
        kept.put(key, new Kept<>(value, began, asked + keptForNanos));
    }

    /** A change ended: nothing kept, or read before now, answers again. */
    void forget() {
        generation.incrementAndGet();
    }
}
