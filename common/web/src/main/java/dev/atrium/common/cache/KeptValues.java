package dev.atrium.common.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one cache facility of the services: values kept per key, at most {@code maxKept} of them (past
 * that, Caffeine evicts the ones least likely to be asked again, never all at once), each until a
 * deadline on the given clock, and dropped at once when what they were read from changes. A value
 * read before such a change ({@link #forget}, {@link #forgetIf}, {@link #forgetAll}) is never kept past
 * it: a read notes the {@link #generation()} it began in, and {@link #keep} drops a value whose read
 * an invalidation overtook.
 *
 * <p>A value asked for often can be read again ahead of its deadline instead of inside the request that
 * finds it gone: once three quarters of its time have passed, {@link #claimRefresh} tells one caller to read
 * it again, and the kept value answers meanwhile, never past its own deadline. How old an answer can be does
 * not change; only who waits for the read does.
 *
 * <p>Maintenance (eviction, expiry) runs on the calling thread: no executor, and a test's fake clock
 * decides alone what has expired.
 */
public final class KeptValues<K, V> {

    private static final Logger LOG = Logger.getLogger(KeptValues.class);
    private static final long NO_LIMIT = Long.MAX_VALUE;

    /**
     * @param refreshFromNanos when three quarters of its time have passed ({@link #claimRefresh})
     * @param refreshClaimed whether a caller was told to read it again
     */
    private record Kept<T>(T value, long untilNanos, long refreshFromNanos, AtomicBoolean refreshClaimed) {

        static <T> Kept<T> until(T value, long keptAt, long untilNanos) {
            long refreshFrom = untilNanos == NO_LIMIT ? NO_LIMIT : keptAt + (untilNanos - keptAt) / 4 * 3;
            return new Kept<>(value, untilNanos, refreshFrom, new AtomicBoolean());
        }
    }

    private final Cache<K, Kept<V>> cache;
    private final LongSupplier nanoTime;
    /** How long a value read now is kept, asked at each keep; null: until evicted or forgotten. */
    private final Supplier<Duration> keptFor;
    private final AtomicLong generation = new AtomicLong();

    private KeptValues(long maxKept, Supplier<Duration> keptFor, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.keptFor = keptFor;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxKept)
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run)
                .expireAfter(new Expiry<K, Kept<V>>() {
                    @Override
                    public long expireAfterCreate(K key, Kept<V> kept, long currentTime) {
                        return kept.untilNanos() == NO_LIMIT ? Long.MAX_VALUE
                                : Math.max(0, kept.untilNanos() - currentTime);
                    }

                    @Override
                    public long expireAfterUpdate(K key, Kept<V> kept, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, kept, currentTime);
                    }

                    @Override
                    public long expireAfterRead(K key, Kept<V> kept, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** Each value kept for {@code keptFor} from when its read began; zero keeps nothing. */
    public static <K, V> KeptValues<K, V> keptFor(long maxKept, Duration keptFor, LongSupplier nanoTime) {
        return new KeptValues<>(maxKept, () -> keptFor, nanoTime);
    }

    /**
     * Each value kept for what {@code keptFor} answers when it is kept: for values whose safe age depends on
     * something that can change, such as whether their changes are being heard. A value kept longer is not
     * shortened when the answer changes: the caller {@link #forgetAll}s then.
     */
    public static <K, V> KeptValues<K, V> keptFor(long maxKept, Supplier<Duration> keptFor, LongSupplier nanoTime) {
        return new KeptValues<>(maxKept, keptFor, nanoTime);
    }

    /** Values that never go stale on their own (immutable versions): kept until evicted or forgotten. */
    public static <K, V> KeptValues<K, V> untilForgotten(long maxKept) {
        return new KeptValues<>(maxKept, null, System::nanoTime);
    }

    /** Values each with a deadline of their own, given to {@link #keepUntil}. */
    public static <K, V> KeptValues<K, V> eachUntil(long maxKept, LongSupplier nanoTime) {
        return new KeptValues<>(maxKept, () -> Duration.ZERO, nanoTime);
    }

    /** The kept value, or {@code read}'s, which is kept. */
    public V get(K key, Supplier<V> read) {
        long began = generation();
        long asked = now();
        V found = find(key, asked);
        if (found != null) {
            return found;
        }
        V value = read.get();
        keep(key, value, began, asked);
        return value;
    }

    /**
     * As {@link #get(Object, Supplier)}, and a value due for a refresh ({@link #claimRefresh}) is read again on
     * {@code ahead} while the kept one answers; a read there that fails keeps nothing (the value is read in a
     * caller's {@link #get} once it ends, which sees the failure).
     */
    public V get(K key, Supplier<V> read, Executor ahead) {
        long asked = now();
        V found = find(key, asked);
        if (found == null) {
            return get(key, read);
        }
        if (claimRefresh(key, asked)) {
            long began = generation();
            ahead.execute(() -> {
                try {
                    keep(key, read.get(), began, asked);
                } catch (RuntimeException e) {
                    LOG.debugf("A read ahead of a kept value's end failed: %s", e.toString());
                }
            });
        }
        return found;
    }

    /** Where a read begins: {@link #keep} needs it to know whether an invalidation came since. */
    public long generation() {
        return generation.get();
    }

    /** The clock's reading, for {@link #find(Object, long)} and {@link #keep}. */
    public long now() {
        return nanoTime.getAsLong();
    }

    /** The value kept for {@code key} now, or null. */
    public V find(K key) {
        return find(key, now());
    }

    /** The value kept for {@code key} still answering at {@code asked}, or null. */
    public V find(K key, long asked) {
        Kept<V> found = cache.getIfPresent(key);
        return found != null && (found.untilNanos() == NO_LIMIT || asked - found.untilNanos() < 0)
                ? found.value() : null;
    }

    /**
     * Keeps a value whose read began in generation {@code began} at {@code asked} (a {@link #now()}),
     * for the time this cache keeps values (asked now, counted from {@code asked}).
     */
    public void keep(K key, V value, long began, long asked) {
        if (keptFor == null) {
            put(key, Kept.until(value, asked, NO_LIMIT), began);
            return;
        }
        Duration kept = keptFor.get();
        if (!kept.isZero() && !kept.isNegative()) {
            put(key, Kept.until(value, asked, asked + kept.toNanos()), began);
        }
    }

    /** Keeps a value until {@code untilNanos} on this cache's clock, read since generation {@code began}. */
    public void keepUntil(K key, V value, long began, long untilNanos) {
        put(key, Kept.until(value, now(), untilNanos), began);
    }

    /**
     * Whether the caller that asked at {@code asked} (a {@link #now()}) should read {@code key}'s value again:
     * true once per kept value, when three quarters of its time have passed and its deadline has not. The
     * caller reads it off its own request and {@link #keep}s the result, with the {@link #generation()} and
     * time at which that read began: an invalidation during the read still wins. Meanwhile, and if that read
     * fails, the kept value answers until its deadline; values kept until forgotten are never due.
     */
    public boolean claimRefresh(K key, long asked) {
        Kept<V> found = cache.getIfPresent(key);
        return found != null && found.refreshFromNanos() != NO_LIMIT && asked - found.refreshFromNanos() >= 0
                && asked - found.untilNanos() < 0 && found.refreshClaimed().compareAndSet(false, true);
    }

    private void put(K key, Kept<V> kept, long began) {
        if (began != generation.get()) {
            return;
        }
        cache.put(key, kept);
        if (began != generation.get()) {
            // An invalidation raced with this read: what was read may already be stale.
            cache.asMap().remove(key, kept);
        }
    }

    public void forget(K key) {
        generation.incrementAndGet();
        cache.invalidate(key);
    }

    /**
     * Drops {@code value} if it is still the one kept for {@code key}: it went stale on its own (an expiry
     * of its own), so reads under way are not affected, unlike {@link #forget}.
     */
    public void drop(K key, V value) {
        cache.asMap().computeIfPresent(key, (k, kept) -> kept.value() == value ? null : kept);
    }

    /** Forgets every value for which {@code stale} holds. */
    public void forgetIf(BiPredicate<? super K, ? super V> stale) {
        generation.incrementAndGet();
        cache.asMap().entrySet().removeIf(e -> stale.test(e.getKey(), e.getValue().value()));
    }

    /** A change ended: nothing kept, or read before now, answers again. */
    public void forgetAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** How many values are kept, expired ones not counted. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
