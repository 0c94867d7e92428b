package dev.atrium.gateway.adapter.out.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.KafkaTracing;
import dev.atrium.gateway.adapter.out.messaging.SpoolWriter.Committed;
import dev.atrium.gateway.api.GatewayEvents;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends committed usage records to Kafka on its own thread, so nothing the Kafka client does (a
 * metadata wait, a full buffer) ever reaches an event loop. While Kafka takes everything, records go
 * straight from the group commit to the producer. Once Kafka refuses one, the spool on disk is the
 * source: when every send has its answer, the sender resends from the first refused record, a
 * segment per round trip, retrying with backoff, and goes back to direct sends when it has caught up.
 * A record sent twice (taken by Kafka after all, or resent from a segment after a crash) reaches
 * consumers twice; they count each generation id once.
 */
final class UsageSender {

    private static final Logger LOG = Logger.getLogger(UsageSender.class);
    private static final long NONE = Long.MAX_VALUE;
    private static final long FIRST_BACKOFF_MILLIS = 250;

    private final Producer<String, String> producer;
    private final UsageSpool spool;
    private final ObjectMapper json;
    private final KafkaTracing tracing;
    private final long maxBackoffMillis;
    private final BlockingQueue<List<Committed>> committed = new LinkedBlockingQueue<>();
    /** Statistics, not money: dropped when the queue is full or Kafka refuses usage. */
    private final BlockingQueue<Attempt> attempts = new ArrayBlockingQueue<>(10_000);
    /** Sent, answer not in yet. */
    private final ConcurrentSkipListSet<Long> outstanding = new ConcurrentSkipListSet<>();
    /** The lowest record Kafka refused since the last resend began, or NONE. */
    private final AtomicLong refused = new AtomicLong(NONE);
    private final Thread thread;
    private volatile boolean running = true;
    /** The next record to send; sender thread only. */
    private long next;
    private long retryAt;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;

    UsageSender(Producer<String, String> producer, UsageSpool spool, ObjectMapper json, KafkaTracing tracing,
            Duration maxBackoff) {
        this.producer = producer;
        this.spool = spool;
        this.json = json;
        this.tracing = tracing;
        this.maxBackoffMillis = maxBackoff.toMillis();
        // A restarted gateway sends what its spool holds first.
        this.next = spool.acknowledged();
        this.thread = new Thread(this::run, "atrium-usage-sender");
        thread.setDaemon(true);
        thread.start();
    }

    void committed(List<Committed> records) {
        committed.add(records);
    }

    /** A provider attempt record and its publish span, ended when Kafka answers or the record is dropped. */
    record Attempt(ProducerRecord<String, String> record, Span span) {
    }

    void attempt(Attempt attempt) {
        if (!attempts.offer(attempt)) {
            KafkaTracing.end(attempt.span(), null);
        }
    }

    private void run() {
        while (running) {
            try {
                List<Committed> batch = committed.poll(100, TimeUnit.MILLISECONDS);
                acknowledge();
                if (refused.get() != NONE) {
                    recover();
                    continue;
                }
                sendAttempts();
                if (batch == null) {
                    // Quiet: the moment to catch up with records only the disk has (at start, after a resend).
                    if (next < spool.head()) {
                        resend();
                    }
                } else {
                    sendDirect(batch);
                }
            } catch (InterruptedException e) {
                // close() asked to stop
            } catch (RuntimeException e) {
                LOG.errorf(e, "The usage sender failed; it goes on from the spool");
                refused.accumulateAndGet(next, Math::min);
            }
        }
    }

    private void sendDirect(List<Committed> batch) {
        for (Committed record : batch) {
            if (refused.get() != NONE) {
                return;
            }
            if (record.seq() < next) {
                continue;
            }
            if (record.seq() > next) {
                // Records the disk holds come first (a restart, a resend that ended while these queued).
                resend();
                if (next <= record.seq()) {
                    return; // not caught up: the rest waits for the next resend
                }
                continue;
            }
            send(record.seq(), record.usage());
        }
    }

    /** Kafka refused a record: once every send has its answer, resend from it, backing off while Kafka refuses. */
    private void recover() {
        committed.clear(); // every one of them is on disk
        Attempt dropped;
        while ((dropped = attempts.poll()) != null) {
            KafkaTracing.end(dropped.span(), null);
        }
        if (!outstanding.isEmpty() || System.currentTimeMillis() < retryAt) {
            return;
        }
        next = Math.min(next, refused.getAndSet(NONE));
        resend();
        if (refused.get() != NONE) {
            retryAt = System.currentTimeMillis() + backoffMillis;
            LOG.warnf("Kafka does not take usage; %d records wait in the spool, next try in %d ms",
                    spool.unsent(), backoffMillis);
            backoffMillis = Math.min(backoffMillis * 2, maxBackoffMillis);
        } else {
            backoffMillis = FIRST_BACKOFF_MILLIS;
        }
    }

    /** Sends the disk's records from {@code next} up to the head, a segment per round trip, as fast as Kafka takes them. */
    private void resend() {
        long sent = 0;
        while (running && refused.get() == NONE && next < spool.head()) {
            committed.clear(); // on disk, and read from there below
            List<UsageSpool.Line> lines = spool.read(next, UsageSpool.SEGMENT_RECORDS);
            if (lines.isEmpty()) {
                if (next < spool.acknowledged()) {
                    next = spool.acknowledged();
                    continue;
                }
                break;
            }
            for (UsageSpool.Line line : lines) {
                SpooledUsage usage;
                try {
                    usage = SpooledUsage.fromLine(json, line.text());
                } catch (RuntimeException e) {
                    LOG.errorf("Skipping unreadable usage spool record %d: %s", line.seq(), e.getMessage());
                    next = line.seq() + 1;
                    continue;
                }
                send(line.seq(), usage);
                if (refused.get() != NONE) {
                    break;
                }
            }
            producer.flush();
            acknowledge();
            sent += lines.size();
        }
        if (sent > 0 && refused.get() == NONE) {
            LOG.infof("Sent %d spooled usage records", sent);
        }
    }

    private void send(long seq, SpooledUsage usage) {
        outstanding.add(seq);
        next = seq + 1;
        Span span = tracing.startPublish(GatewayEvents.USAGE_TOPIC, KafkaTracing.context(usage.traceparent()));
        try {
            producer.send(usage.toRecord(span), (metadata, error) -> {
                KafkaTracing.end(span, error);
                if (error != null) {
                    LOG.debugf("Kafka did not take usage %s (%s); it stays in the spool", usage.id(), error.getMessage());
                    refused.accumulateAndGet(seq, Math::min);
                }
                // After refused is set: the acknowledged mark never passes a refused record.
                outstanding.remove(seq);
            });
        } catch (RuntimeException e) {
            KafkaTracing.end(span, e);
            LOG.debugf("Kafka unavailable for usage %s (%s); it stays in the spool", usage.id(), e.getMessage());
            refused.accumulateAndGet(seq, Math::min);
            outstanding.remove(seq);
        }
    }

    /** Every record below the first one sent and unanswered, refused or unsent is in Kafka. */
    private void acknowledge() {
        Long firstOutstanding = outstanding.ceiling(Long.MIN_VALUE); // read before refused: see send's callback
        long mark = Math.min(next, Math.min(refused.get(), firstOutstanding == null ? NONE : firstOutstanding));
        spool.acknowledge(mark);
    }

    private void sendAttempts() {
        Attempt attempt;
        while ((attempt = attempts.poll()) != null) {
            Span span = attempt.span();
            try {
                producer.send(attempt.record(), (metadata, error) -> KafkaTracing.end(span, error));
            } catch (RuntimeException e) {
                KafkaTracing.end(span, e);
                LOG.debugf("Attempt event dropped: %s", e.getMessage());
            }
        }
    }

    /** Sends what is queued while Kafka takes it, waits up to {@code timeout} for the answers, and stops. */
    void close(Duration timeout) {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Committed> batch;
        while (refused.get() == NONE && (batch = committed.poll()) != null) {
            sendDirect(batch);
        }
        producer.close(timeout);
        acknowledge();
        spool.close();
    }
}
