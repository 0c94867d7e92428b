package dev.atrium.billing.adapter.in.messaging;

import static dev.atrium.billing.ApiCalls.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.billing.ApiCalls;
import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.CheckLedgerQuery;
import dev.atrium.billing.application.port.in.FindBalanceQuery;
import dev.atrium.billing.adapter.out.persistence.FaultyLedger;
import dev.atrium.billing.application.port.out.LedgerRepository;
import dev.atrium.billing.domain.LedgerInvariants;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Usage records booked a polled batch per transaction, through the real topic and database. */
@QuarkusTest
class UsageBatchConsumerAdapterTest {

    private static final String COST = "0.0012345678";

    @Inject
    AddCreditsUseCase credits;
    @Inject
    FindBalanceQuery balances;
    @Inject
    CheckLedgerQuery books;
    @Inject
    EntityManager em;

    @Test
    void aConsumerKilledInTheMiddleOfABatchLosesNothingAndDoublesNothing() {
        String org = "org_crash_" + suffix();
        credits.add(AddCreditsCommand.of(org, "seed-" + org, new BigDecimal("100"), "USD", "top_up", null, "admin"));
        FaultyLedger crashing = FaultyLedger.crashingOnce(em, org);
        QuarkusMock.installMockForType(crashing, LedgerRepository.class);
        List<UsageRecorded> batch = usages(org, 300);

        send(batch);
        awaitGenerations(org, 300);

        assertThat(crashing.crashes.get()).as("batches that failed half-booked").isEqualTo(1);
        assertThat(crashing.postedBeforeCrash.get()).as("transactions written before the crash").isPositive();
        assertBooked(org, 300);

        // A crash after the commit but before the offsets were committed: the broker delivers it all again.
        List<UsageRecorded> again = new ArrayList<>(batch);
        again.add(usages(org, 1).get(0));
        send(again);
        awaitGenerations(org, 301);

        assertBooked(org, 301);
    }

    /**
     * Prints the ingestion rate for the lead; the figure is measured, not asserted (the machine is
     * shared). The ledger is held while the records are sent, so the time counts booking alone.
     */
    @Test
    void ingestionRateOfFiveThousandRecords() {
        String org = "org_rate_" + suffix();
        int count = 5_000;
        CountDownLatch open = new CountDownLatch(1);
        QuarkusMock.installMockForType(FaultyLedger.heldUntil(em, org, open), LedgerRepository.class);
        List<UsageRecorded> batch = usages(org, count);

        long sending = System.nanoTime();
        send(batch);
        long start = System.nanoTime();
        open.countDown();
        awaitGenerations(org, count);
        long booked = System.nanoTime();

        double seconds = (booked - start) / 1e9;
        System.out.printf("BENCH billing usage ingestion: %d records on the topic (sent in %d ms), all booked"
                + " %d ms after the ledger opened: %.0f records/s%n", count, (start - sending) / 1_000_000,
                (booked - start) / 1_000_000, count / seconds);
        assertThat(balances.balance(org).amount()).isEqualByComparingTo(new BigDecimal(COST).multiply(
                BigDecimal.valueOf(count)).negate());
        assertThat(books.check(org).hold()).isTrue();
    }

    private void assertBooked(String org, int generations) {
        BigDecimal spent = new BigDecimal(COST).multiply(BigDecimal.valueOf(generations));
        assertThat(balances.balance(org).amount()).isEqualByComparingTo(new BigDecimal("100").subtract(spent));
        LedgerInvariants check = books.check(org);
        assertThat(check.hold()).isTrue();
        assertThat(check.generationsNotDebitedOnce()).isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger_transaction WHERE organization_id = :org AND kind = 'usage'",
                org)).isEqualTo(generations);
        assertThat(count("SELECT COUNT(*) FROM ledger_entry WHERE organization_id = :org", org))
                .isEqualTo(2 + 2L * generations);
    }

    private void awaitGenerations(String org, int expected) {
        eventually(Duration.ofSeconds(90), expected + " generations of " + org,
                () -> count("SELECT COUNT(*) FROM generation WHERE organization_id = :org", org) == expected
                        ? Boolean.TRUE : null);
    }

    private long count(String sql, String org) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("org", org).getSingleResult()).longValue());
    }

    private static void send(List<UsageRecorded> usages) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (UsageRecorded u : usages) {
                producer.send(new ProducerRecord<>(GatewayEvents.USAGE_TOPIC, null, u.organizationId(),
                        ApiCalls.write(u), CloudEventHeaders.of(u.generationId(), GatewayEvents.USAGE_TYPE,
                                GatewayEvents.SOURCE, u.createdAt())));
            }
            producer.flush();
        }
    }

    private static List<UsageRecorded> usages(String org, int count) {
        List<UsageRecorded> usages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            usages.add(new UsageRecorded("gen-" + UUID.randomUUID(), org, "ws_" + org, "key_1", "user-1",
                    "openai/gpt-4o-mini", "sim-fast", "gpt-4o-mini", 1200, 345, new BigDecimal("0.00000015"),
                    new BigDecimal("0.0000006"), new BigDecimal(COST), false, "res-" + i, "org:1", 800, false,
                    "stop", Instant.parse("2026-11-26T10:15:30Z")));
        }
        return usages;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
