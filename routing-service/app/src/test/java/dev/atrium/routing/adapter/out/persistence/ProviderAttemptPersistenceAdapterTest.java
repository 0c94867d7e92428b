package dev.atrium.routing.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atrium.routing.application.port.in.ProviderStatsQuery;
import dev.atrium.routing.application.port.in.RecordProviderAttemptUseCase;
import dev.atrium.routing.domain.Attempt;
import dev.atrium.routing.domain.EndpointStats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Batches of provider attempts on the real database: each event once, every field kept, the statistics over them. */
@QuarkusTest
class ProviderAttemptPersistenceAdapterTest {

    private static final String MODEL = "openai/gpt-4o-mini";

    @Inject
    RecordProviderAttemptUseCase record;

    @Inject
    ProviderStatsQuery stats;

    @Inject
    EntityManager em;

    @Test
    void anEventRepeatedWithinABatchOrInALaterOneIsStoredOnceAsFirstSeen() {
        String provider = provider();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Attempt first = success("att-" + UUID.randomUUID(), provider, 700, now.minusSeconds(3));
        Attempt other = success("att-" + UUID.randomUUID(), provider, 800, now.minusSeconds(2));
        Attempt firstAgain = success(first.eventId(), provider, 9_999, now.minusSeconds(1));
        Attempt third = success("att-" + UUID.randomUUID(), provider, 900, now);

        int addedFirst = record.recordAll(List.of(first, other, firstAgain));
        int addedSecond = record.recordAll(List.of(other, third, firstAgain));

        assertThat(addedFirst).isEqualTo(2);
        assertThat(addedSecond).isEqualTo(1);
        assertThat(latencyOf(first.eventId())).containsExactly(700L);
        assertThat(rowsOf(provider)).isEqualTo(3);
        assertThat(record.record(other)).isFalse();
    }

    @Test
    void everyFieldIsStoredAsSentIncludingTheAbsentOnes() {
        String provider = provider();
        Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
        Attempt streamed = new Attempt("att-" + UUID.randomUUID(), "gen-42", provider, MODEL, "success", 200, 1234,
                56L, 789, at);
        Attempt failed = new Attempt("att-" + UUID.randomUUID(), null, provider, MODEL, "timeout", 0, 30_000, null, 0,
                at.plusMillis(1));

        assertThat(record.recordAll(List.of(streamed, failed))).isEqualTo(2);

        assertThat(row(streamed.eventId())).containsExactly(streamed.eventId(), "gen-42", provider, MODEL, "success",
                200, 1234L, 56L, 789L, at);
        assertThat(row(failed.eventId())).containsExactly(failed.eventId(), null, provider, MODEL, "timeout", 0,
                30_000L, null, 0L, at.plusMillis(1));
    }

    @Test
    void theStatisticsOfABatchAreThoseOfItsAttemptsInTheWindow() {
        String provider = provider();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant lastFailure = now.minusSeconds(10);
        record.recordAll(List.of(
                new Attempt(id(), "g1", provider, MODEL, "success", 200, 1000, 100L, 500, now.minusSeconds(50)),
                new Attempt(id(), "g2", provider, MODEL, "success", 200, 2000, null, 3000, now.minusSeconds(40)),
                new Attempt(id(), "g3", provider, MODEL, "success", 200, 400, 300L, 0, now.minusSeconds(30)),
                new Attempt(id(), "g4", provider, MODEL, "error", 503, 50, null, 0, now.minusSeconds(20)),
                new Attempt(id(), "g5", provider, MODEL, "timeout", 0, 30_000, null, 0, lastFailure),
                new Attempt(id(), "g0", provider, MODEL, "success", 200, 10, 5L, 50,
                        now.minus(EndpointStats.WINDOW).minus(Duration.ofMinutes(5)))));

        EndpointStats endpoint = stats.recent().endpoints().stream().filter(s -> s.provider().equals(provider))
                .findFirst().orElseThrow();

        assertThat(endpoint.model()).isEqualTo(MODEL);
        assertThat(endpoint.requests()).isEqualTo(5);
        assertThat(endpoint.successes()).isEqualTo(3);
        assertThat(endpoint.latencyP50()).isCloseTo(300.0, within(1e-9));
        assertThat(endpoint.latencyP90()).isCloseTo(1660.0, within(1e-9));
        assertThat(endpoint.throughputP50()).isCloseTo(1000.0, within(1e-9));
        assertThat(endpoint.consecutiveFailures()).isEqualTo(2);
        assertThat(endpoint.lastFailureAt()).isEqualTo(lastFailure);
    }

    /** A busy endpoint's statistics read only its latest attempts: older failures no longer count. */
    @Test
    void theStatisticsReadAnEndpointsLatestAttemptsOnly() {
        String provider = provider();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Attempt> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(new Attempt(id(), "f" + i, provider, MODEL, "error", 503, 50, null, 0,
                    now.minusSeconds(600).plusMillis(i)));
        }
        for (int i = 0; i < EndpointStats.LATEST_ATTEMPTS; i++) {
            batch.add(success(id(), provider, 100 + i % 10, now.minusSeconds(300).plusMillis(i)));
        }
        record.recordAll(batch);

        EndpointStats endpoint = stats.recent().endpoints().stream().filter(s -> s.provider().equals(provider))
                .findFirst().orElseThrow();

        assertThat(endpoint.requests()).isEqualTo(EndpointStats.LATEST_ATTEMPTS);
        assertThat(endpoint.successes()).isEqualTo(EndpointStats.LATEST_ATTEMPTS);
        assertThat(endpoint.lastFailureAt()).as("the failures are older than the latest attempts").isNull();

        record.recordAll(List.of(new Attempt(id(), "f-new", provider, MODEL, "timeout", 0, 30_000, null, 0, now)));
        EndpointStats after = stats.recent().endpoints().stream().filter(s -> s.provider().equals(provider))
                .findFirst().orElseThrow();
        assertThat(after.requests()).isEqualTo(EndpointStats.LATEST_ATTEMPTS);
        assertThat(after.successes()).isEqualTo(EndpointStats.LATEST_ATTEMPTS - 1);
        assertThat(after.consecutiveFailures()).isEqualTo(1);
        assertThat(after.lastFailureAt()).isEqualTo(now);
    }

    private static Attempt success(String eventId, String provider, long latencyMs, Instant at) {
        return new Attempt(eventId, "gen-" + UUID.randomUUID(), provider, MODEL, "success", 200, latencyMs, 100L, 50,
                at);
    }

    private static String provider() {
        return "adapter-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String id() {
        return "att-" + UUID.randomUUID();
    }

    private long rowsOf(String provider) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM provider_attempt WHERE provider = ?1")
                .setParameter(1, provider).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Long> latencyOf(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em
                .createNativeQuery("SELECT latency_ms FROM provider_attempt WHERE event_id = ?1")
                .setParameter(1, eventId).getResultList()).stream().map(Number::longValue).toList());
    }

    private List<Object> row(String eventId) {
        Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                SELECT event_id, generation_id, provider, model, outcome, status, latency_ms, time_to_first_token_ms,
                    completion_tokens, attempted_at FROM provider_attempt WHERE event_id = ?1""")
                .setParameter(1, eventId).getSingleResult());
        return Arrays.stream(r).map(ProviderAttemptPersistenceAdapterTest::plain).toList();
    }

    private static Object plain(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Long || value instanceof Integer || value == null || value instanceof String) {
            return value;
        }
        return value instanceof Number n ? n.longValue() : value;
    }
}
