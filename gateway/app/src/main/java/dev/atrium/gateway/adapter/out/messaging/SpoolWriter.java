package dev.atrium.gateway.adapter.out.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The group commit of the spool, on its own thread: the request path only queues a record; this
 * thread writes every record queued since the last commit in one write and one fsync, at most once
 * per commit interval, completes each record's durability (the request path sends the answer's last
 * bytes then, ADR 0024), and hands them to the sender. Whether Kafka is up or not does not matter here.
 */
final class SpoolWriter {

    private static final Logger LOG = Logger.getLogger(SpoolWriter.class);

    record Committed(long seq, SpooledUsage usage) {
    }

    /** A record waiting for the commit, and what completes once it is on disk. */
    private record Pending(SpooledUsage usage, CompletableFuture<Void> durable) {
    }

    private final BlockingQueue<Pending> incoming = new LinkedBlockingQueue<>();
    private final UsageSpool spool;
    private final ObjectMapper json;
    private final long intervalNanos;
    private final Consumer<List<Committed>> committed;
    private final Thread thread;
    private volatile boolean running = true;

    SpoolWriter(UsageSpool spool, ObjectMapper json, Duration interval, Consumer<List<Committed>> committed) {
        this.spool = spool;
        this.json = json;
        this.intervalNanos = interval.toNanos();
        this.committed = committed;
        this.thread = new Thread(this::run, "atrium-usage-spool");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Never blocks: the queue is unbounded, and no event loop waits for the disk. The future completes on this
     * thread once the record is fsynced, or exceptionally when the first try to write it fails (the record is
     * kept and tried again, but the answer need not wait for a disk that may stay full).
     */
    CompletableFuture<Void> offer(SpooledUsage usage) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        incoming.add(new Pending(usage, durable));
        return durable;
    }

    private void run() {
        long lastCommit = System.nanoTime() - intervalNanos;
        while (running || !incoming.isEmpty()) {
            Pending first;
            try {
                first = incoming.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                continue;
            }
            // Records that arrive within one interval of the last commit share the next fsync.
            long wait = lastCommit + intervalNanos - System.nanoTime();
            if (wait > 0 && running) {
                LockSupport.parkNanos(wait);
            }
            List<Pending> batch = new ArrayList<>();
            batch.add(first);
            incoming.drainTo(batch);
            commit(batch);
            lastCommit = System.nanoTime();
        }
    }

    private void commit(List<Pending> batch) {
        List<String> lines = batch.stream().map(p -> p.usage().toLine(json)).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                long first = spool.append(lines);
                List<Committed> out = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    out.add(new Committed(first + i, batch.get(i).usage()));
                }
                // To the sender first (a queue add), so it seldom finds the spool's head ahead of its queue and
                // reads back from disk what it is about to be handed.
                committed.accept(out);
                // Durable now: their answers may go before Kafka has them.
                batch.forEach(p -> p.durable().complete(null));
                return;
            } catch (UncheckedIOException e) {
                // A full or failing disk: the records stay in memory and are tried again; nothing is dropped.
                // Their answers go (the provider was paid already), counted as sent before their usage was durable.
                batch.forEach(p -> p.durable().completeExceptionally(e));
                LOG.errorf("Cannot commit %d usage records to the spool (attempt %d): %s", batch.size(), attempt,
                        e.getCause().getMessage());
                LockSupport.parkNanos(Math.min(attempt, 10) * 100_000_000L);
            }
        }
    }

    /** Commits what is queued, then stops. */
    void close() {
        // No interrupt: it would close the spool's file channel in the middle of a write.
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
