package dev.atrium.billing.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.api.BalanceChanged;
import dev.atrium.billing.api.BillingEvents;
import dev.atrium.billing.api.LowBalance;
import dev.atrium.billing.application.port.out.BalanceEventPublisher;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.BalanceEvent;
import dev.atrium.billing.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes the events into the shared outbox table (common/outbox's migration 0.1; its relay sends
 * them on in seq order) as one statement, in the caller's transaction. A usage batch announces a
 * balance per organization, often dozens: one statement instead of one per event (the outbox's
 * entity takes its IDENTITY key row by row) is what keeps the ledger's pace on a busy machine.
 * Written outside any request, so the events carry no trace parent.
 */
@ApplicationScoped
class OutboxBalanceEventPublisher implements BalanceEventPublisher {

    /** One statement for any number of events: a column per array, rows in the events' order (the relay's). */
    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, record_key, event_type, source,"
            + " payload, created_at) SELECT e.*, CAST(? AS timestamptz) FROM unnest(CAST(? AS varchar[]),"
            + " CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),"
            + " CAST(? AS text[])) AS e";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    OutboxBalanceEventPublisher(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void publish(List<BalanceEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int n = events.size();
        String[] ids = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            BalanceEvent event = events.get(i);
            ids[i] = "evt-" + UUID.randomUUID();
            topics[i] = BillingEvents.BALANCE_TOPIC;
            keys[i] = event.balance().organizationId();
            types[i] = event instanceof BalanceEvent.Low ? BillingEvents.LOW_BALANCE : BillingEvents.BALANCE_CHANGED;
            sources[i] = BillingEvents.SOURCE;
            payloads[i] = payload(event);
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, now);
                insert.setArray(2, connection.createArrayOf("varchar", ids));
                insert.setArray(3, connection.createArrayOf("varchar", topics));
                insert.setArray(4, connection.createArrayOf("varchar", keys));
                insert.setArray(5, connection.createArrayOf("varchar", types));
                insert.setArray(6, connection.createArrayOf("varchar", sources));
                insert.setArray(7, connection.createArrayOf("text", payloads));
                insert.executeUpdate();
            }
        });
    }

    private String payload(BalanceEvent event) {
        Balance b = event.balance();
        Object payload = event instanceof BalanceEvent.Low low
                ? new LowBalance(b.organizationId(), b.amount(), low.threshold().amount(), Money.CURRENCY,
                        b.revision(), low.reference(), b.updatedAt())
                : new BalanceChanged(b.organizationId(), b.amount(), Money.CURRENCY, b.revision(),
                        ((BalanceEvent.Changed) event).cause().wire(), event.reference(), b.updatedAt());
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A balance event is not serializable", e);
        }
    }
}
