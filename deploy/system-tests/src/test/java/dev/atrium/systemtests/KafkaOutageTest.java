package dev.atrium.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.AdminClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away for 30 s while a few clients are served: the gateway keeps its latency, and every
 * generation answered meanwhile reaches billing and guardrail exactly once when it returns
 * ({@link Conservation}).
 */
class KafkaOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration NORMAL = Duration.ofSeconds(10);
    private static final int CLIENTS = 3;

    @Test
    void gatewayKeepsItsLatencyDuringAKafkaOutageAndBillsEveryRequestOnceWhenItReturns() throws Exception {
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Conservation money = Conservation.open(admin, "outage", new BigDecimal("5"));
        Load load = money.load(CLIENTS);
        long normalFrom;
        long outageFrom;
        long outageTo;
        try {
            Faults.awaitAnswers(load, 30, Faults.FIRST_ANSWERS, "warm-up answers");
            normalFrom = System.nanoTime();
            Thread.sleep(NORMAL.toMillis());
            SharedStack.get().stop("kafka");
            outageFrom = System.nanoTime();
            try {
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                outageTo = System.nanoTime();
                SharedStack.get().restart("kafka");
            }
            Faults.awaitAnswers(load, 10, Duration.ofSeconds(30), "answers after Kafka returned");
        } finally {
            load.close();
        }
        List<Load.Outcome> normal = load.startedBetween(normalFrom, outageFrom);
        List<Load.Outcome> during = load.startedBetween(outageFrom, outageTo);
        assertThat(normal).as("requests before the outage").allMatch(Load.Outcome::answered);
        assertThat(during).as("requests during the outage").allMatch(Load.Outcome::answered);
        long normalP50 = Load.p50(normal.stream().map(Load.Outcome::millis).toList());
        long outageP50 = Load.p50(during.stream().map(Load.Outcome::millis).toList());
        long outageMax = during.stream().mapToLong(Load.Outcome::millis).max().orElse(0);
        System.out.printf("Kafka outage (%d clients): %d requests in %d s, p50 %d ms (normal %d ms over %d requests),"
                + " max %d ms%n", CLIENTS, during.size(), OUTAGE.toSeconds(), outageP50, normalP50, normal.size(),
                outageMax);
        assertThat(during.size()).as("requests served during a %d s outage", OUTAGE.toSeconds()).isGreaterThan(100);
        // Normal is taken as at least 5 ms: below that, timer and scheduling noise on a shared machine dominate.
        assertThat(outageP50).as("p50 during the outage (normal %d ms)", normalP50)
                .isLessThanOrEqualTo(2 * Math.max(normalP50, 5));
        assertThat(during).as("latency of each request during the outage, ms").allMatch(o -> o.millis() < 2_000);

        money.assertConserved(load.outcomes(), Duration.ofSeconds(120));
    }
}
