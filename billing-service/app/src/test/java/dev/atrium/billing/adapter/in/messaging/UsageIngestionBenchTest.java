package dev.atrium.billing.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.billing.ApiCalls;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The usage ingestion measured on the real topic and database (issue 7: at least 2,000 records/s,
 * under 1 s of lag at 200 requests/s). Not part of the normal build: run it with
 * {@code ./mvnw -B -o test -pl billing-service/app -Dbench} (the {@code bench} profile runs only
 * this tag). It prints {@code BENCH} lines; docs/benchmarks.md ("Billing ingestion") has the figures.
 * The producer, the poller and the service share one JVM and the machine's cores.
 *
 * <p>Settings (system properties): {@code bench.records} (20,000), {@code bench.rounds} (3),
 * {@code bench.rate} (200/s), {@code bench.seconds} (30), {@code bench.organizations} (50).
 */
@QuarkusTest
@Tag("bench")
class UsageIngestionBenchTest {

    private static final String COST = "0.0012345678";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Inject
    DataSource db;

    /**
     * As fast as the producer can send (20,000 records take it well under a second, so a backlog
     * forms at once): the time from the first send until the last generation is committed.
     */
    @Test
    void throughputOfABurst() throws Exception {
        int records = Integer.getInteger("bench.records", 20_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        burst(2_000, "warm-up");
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            rates.add(burst(records, "round " + round));
        }
        System.out.printf("BENCH billing ingestion burst: %s records/s over %d rounds of %d records%n",
                rates.stream().map(r -> String.format("%.0f", r)).toList(), rounds, records);
    }

    /**
     * An open-loop steady rate: record i is sent at t0 + i/rate, and its lag is from that send
     * until a poll (every 5 ms, reading committed rows only) first finds its generation. An
     * unmeasured 10 s at the same rate comes first, so the service is warm, as it is in production.
     */
    @Test
    void lagAtASteadyRate() throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        steady(rate, 10, "warm-up");
        steady(rate, seconds, "measured");
    }

    /**
     * CPU time spent since {@link #of} by the service: this JVM's threads except the test's own (this
     * thread; the poller and the producer's, which have ended by {@link #perRecord}), and
     * PostgreSQL's processes (the postmaster and its children, from /proc; Linux only) except the
     * backend of the test's own connection.
     */
    private record CpuTime(Map<Long, Long> threads, long postgresTicks, long postmaster, long testBackend) {

        static CpuTime of(Connection test) throws Exception {
            long postmaster;
            long backend;
            try (ResultSet rs = test.createStatement()
                    .executeQuery("SELECT current_setting('data_directory'), pg_backend_pid()")) {
                rs.next();
                postmaster = Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0)
                        .trim());
                backend = rs.getLong(2);
            }
            return new CpuTime(threadCpu(), postgres(postmaster, backend), postmaster, backend);
        }

        String perRecord(int records) throws Exception {
            long jvm = 0;
            for (Map.Entry<Long, Long> now : threadCpu().entrySet()) {
                if (now.getKey() != Thread.currentThread().getId()) {
                    jvm += now.getValue() - threads.getOrDefault(now.getKey(), 0L);
                }
            }
            // clock ticks of 10 ms (USER_HZ 100)
            double pgMicros = (postgres(postmaster, testBackend) - postgresTicks) * 10_000.0 / records;
            return String.format("service threads %.0f us, PostgreSQL %.0f us", jvm / 1e3 / records, pgMicros);
        }

        /** CPU nanoseconds of each live thread. */
        private static Map<Long, Long> threadCpu() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpu = new HashMap<>();
            for (long id : mx.getAllThreadIds()) {
                long nanos = mx.getThreadCpuTime(id);
                if (nanos >= 0) {
                    cpu.put(id, nanos);
                }
            }
            return cpu;
        }

        /** utime + stime of the postmaster and its live children but one, in clock ticks. */
        private static long postgres(long postmaster, long excluded) throws Exception {
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String stat;
                    try {
                        stat = Files.readString(proc.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    // the fields after the command name, which is in parentheses and may hold spaces
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (pid != excluded && (pid == postmaster || Long.parseLong(f[1]) == postmaster)) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
            return ticks;
        }
    }

    /** Sends {@code rate} records a second for {@code seconds}, then prints the lag percentiles. */
    private void steady(int rate, int seconds, String label) throws Exception {
        List<String> orgs = organizations();
        int count = rate * seconds;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Queue<UsageRecorded> sent = new ConcurrentLinkedQueue<>();
        Map<String, Long> seenAt = new HashMap<>();
        Connection pollerConnection = db.getConnection();
        CpuTime cpu = CpuTime.of(pollerConnection);
        Thread poller = new Thread(() -> poll(pollerConnection, orgs, sent, count, seenAt), "bench-poller");
        poller.start();
        long period = 1_000_000_000L / rate;
        try (KafkaProducer<String, String> producer = producer(0)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = t0 + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                // Created at its send time, which the poller uses to read only recent generations.
                UsageRecorded u = usage(orgs.get(i % orgs.size()), i, Instant.now());
                sentAt.put(u.generationId(), due);
                sent.add(u);
                producer.send(record(u));
            }
            producer.flush();
        }
        poller.join(TIMEOUT.toMillis());
        assertThat(seenAt).as("generations committed").hasSize(count);
        long[] lags = seenAt.entrySet().stream().mapToLong(e -> e.getValue() - sentAt.get(e.getKey())).sorted()
                .toArray();
        System.out.printf("BENCH billing ingestion lag (%s) at %d records/s for %d s (%d records): p50 %.1f ms,"
                        + " p90 %.1f ms, p99 %.1f ms, max %.1f ms; CPU per record: %s%n", label, rate, seconds, count,
                percentile(lags, 50), percentile(lags, 90), percentile(lags, 99), lags[lags.length - 1] / 1e6,
                cpu.perRecord(count));
        assertThat(booked(orgs)).isEqualTo(count);
    }

    private double burst(int records, String label) throws Exception {
        List<String> orgs = organizations();
        List<UsageRecorded> usages = usages(orgs, records);
        try (Connection probe = db.getConnection()) {
            return burst(probe, orgs, usages, records, label);
        }
    }

    private double burst(Connection probe, List<String> orgs, List<UsageRecorded> usages, int records, String label)
            throws Exception {
        CpuTime cpu = CpuTime.of(probe);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(5)) {
            for (UsageRecorded u : usages) {
                producer.send(record(u));
            }
            producer.flush();
        }
        long sent = System.nanoTime();
        long deadline = start + TIMEOUT.toNanos();
        while (booked(probe, orgs) < records) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not all " + records + " records were booked within " + TIMEOUT);
            }
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        double rate = records / ((done - start) / 1e9);
        System.out.printf("BENCH billing ingestion %s: %d records sent in %d ms, all committed %d ms after the"
                        + " first send: %.0f records/s; CPU per record: %s%n", label, records,
                (sent - start) / 1_000_000, (done - start) / 1_000_000, rate, cpu.perRecord(records));
        assertThat(debited(orgs)).isEqualByComparingTo(new BigDecimal(COST).multiply(BigDecimal.valueOf(records)));
        return rate;
    }

    /**
     * Polls until every one of {@code count} generations has been seen, noting when each first was.
     * Reads only generations created since the oldest one not seen yet, so a poll stays small.
     */
    private void poll(Connection connection, List<String> orgs, Queue<UsageRecorded> sent, int count,
            Map<String, Long> seenAt) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<UsageRecorded> ordered = new ArrayList<>(count);
        int firstUnseen = 0;
        try (Connection c = connection; PreparedStatement select = c.prepareStatement(
                "SELECT id FROM generation WHERE organization_id = ANY (?) AND created_at >= ?")) {
            c.setAutoCommit(true);
            Array organizations = c.createArrayOf("varchar", orgs.toArray());
            while (seenAt.size() < count && System.nanoTime() < deadline) {
                for (UsageRecorded u = sent.poll(); u != null; u = sent.poll()) {
                    ordered.add(u);
                }
                while (firstUnseen < ordered.size() && seenAt.containsKey(ordered.get(firstUnseen).generationId())) {
                    firstUnseen++;
                }
                if (firstUnseen < ordered.size()) {
                    select.setArray(1, organizations);
                    select.setObject(2, OffsetDateTime.ofInstant(ordered.get(firstUnseen).createdAt(),
                            ZoneOffset.UTC));
                    try (ResultSet rs = select.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            seenAt.putIfAbsent(rs.getString(1), now);
                        }
                    }
                }
                LockSupport.parkNanos(5_000_000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long booked(List<String> orgs) throws SQLException {
        try (Connection c = db.getConnection()) {
            return booked(c, orgs);
        }
    }

    private static long booked(Connection c, List<String> orgs) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(
                "SELECT COUNT(*) FROM generation WHERE organization_id = ANY (?)")) {
            count.setArray(1, c.createArrayOf("varchar", orgs.toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** What the organizations' credits were debited, from the ledger entries. */
    private BigDecimal debited(List<String> orgs) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement sum = c.prepareStatement(
                "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE organization_id = ANY (?)"
                        + " AND account_type = 'credits' AND direction = 'debit'")) {
            sum.setArray(1, c.createArrayOf("varchar", orgs.toArray()));
            try (ResultSet rs = sum.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static List<String> organizations() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int n = Integer.getInteger("bench.organizations", 50);
        return IntStream.range(0, n).mapToObj(i -> "org_bench_" + run + "_" + i).toList();
    }

    /** Spread over the organizations in turn, as traffic from many tenants. */
    private static List<UsageRecorded> usages(List<String> orgs, int count) {
        List<UsageRecorded> usages = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            usages.add(usage(orgs.get(i % orgs.size()), i, now));
        }
        return usages;
    }

    private static UsageRecorded usage(String org, int i, Instant createdAt) {
        return new UsageRecorded("gen-" + UUID.randomUUID(), org, "ws_" + org, "key_" + (i % 7), "user-1",
                "openai/gpt-4o-mini", "sim-fast", "gpt-4o-mini", 1200, 345, new BigDecimal("0.00000015"),
                new BigDecimal("0.0000006"), new BigDecimal(COST), false, "res-" + i, "org:1", 800, false, "stop",
                createdAt);
    }

    private static ProducerRecord<String, String> record(UsageRecorded u) {
        return new ProducerRecord<>(GatewayEvents.USAGE_TOPIC, null, u.organizationId(), ApiCalls.write(u),
                CloudEventHeaders.of(u.generationId(), GatewayEvents.USAGE_TYPE, GatewayEvents.SOURCE, u.createdAt()));
    }

    private static KafkaProducer<String, String> producer(int lingerMs) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
