package dev.atrium.local.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The current behaviour of every provider, and the place where hanging requests wait. */
final class ProviderBehaviours {

    /**
     * A client has long given up on a request held this long; the bound keeps a forgotten hang
     * from pinning threads for the whole life of the simulator.
     */
    private static final Duration LONGEST_HANG = Duration.ofMinutes(10);

    private final Map<String, ProviderBehaviour> byProvider = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;

    ProviderBehaviour of(String provider) {
        return byProvider.getOrDefault(provider, ProviderBehaviour.DEFAULTS);
    }

    void set(String provider, ProviderBehaviour behaviour) {
        byProvider.put(provider, behaviour);
        signalChange();
    }

    void reset(String provider) {
        byProvider.remove(provider);
        signalChange();
    }

    /**
     * Holds the calling request while its provider is set to hang. Changing or resetting the
     * provider releases it to answer with the new settings; closing the simulator drops it.
     */
    ProviderBehaviour awaitAnswerable(String provider) throws ConnectionAborted {
        ProviderBehaviour behaviour = of(provider);
        if (!behaviour.hang()) {
            return behaviour;
        }
        long remaining = LONGEST_HANG.toNanos();
        lock.lock();
        try {
            while ((behaviour = of(provider)).hang()) {
                if (closed || remaining <= 0) {
                    throw new ConnectionAborted();
                }
                remaining = changed.awaitNanos(remaining);
            }
            return behaviour;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionAborted();
        } finally {
            lock.unlock();
        }
    }

    /** Lets every hanging request go, so that shutting down never waits on one. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signalChange() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
